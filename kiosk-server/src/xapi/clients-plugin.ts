// `app.clients`: the xAPI client registry (clients.ts) on the server's database, SQLite or PostgreSQL. The xAPI and
// fleet routes authenticate through it (`await authenticate(app.clients, header)` from auth.ts); the CLI opens its own.
import fp from 'fastify-plugin';
import { clientRegistryFor, type ClientRegistry } from './clients.ts';

declare module 'fastify' {
  interface FastifyInstance {
    clients: ClientRegistry;
  }
}

export default fp(
  async (app) => {
    app.decorate('clients', clientRegistryFor(app.storage));
  },
  { name: 'ruyi-clients', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
