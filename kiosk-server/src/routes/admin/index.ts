// /api/admin/*: staff routes, guarded by role and scope (plugins/admin.ts). No default password: until
// `npm run admin -- set-password` has made the first account, all answer 403.
import type { FastifyPluginAsync } from 'fastify';
import accounts from './accounts.ts';
import floor from './floor.ts';
import packs from './packs.ts';
import session from './session.ts';

const admin: FastifyPluginAsync<{ uploadLimit?: number }> = async (app, { uploadLimit }) => {
  await app.register(session);
  await app.register(accounts);
  await app.register(packs, { uploadLimit });
  await app.register(floor);
};

export default admin;
