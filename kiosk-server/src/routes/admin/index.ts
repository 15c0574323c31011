// /api/admin/*: staff routes. No default password: until `npm run admin -- set-password` has run, all answer 403.
import type { FastifyPluginAsync } from 'fastify';
import floor from './floor.ts';
import packs from './packs.ts';
import session from './session.ts';

const admin: FastifyPluginAsync<{ uploadLimit?: number }> = async (app, { uploadLimit }) => {
  await app.register(session);
  await app.register(packs, { uploadLimit });
  await app.register(floor);
};

export default admin;
