// The server's HTTP API described as OpenAPI 3, generated from the zod schemas every route declares, so the document
// cannot drift from what the routes accept and answer. GET /api/openapi.json serves it; /api/docs/ is a browsable page
// for operators and integrators (Swagger UI, served from this server's own files: the park has no internet).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { allowInlineStyles } from './security-headers.ts';

export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PREFIX = '/api/docs';

async function openapi(app: FastifyInstance, { version }: { version: string }) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ruyi kiosk-server',
        description:
          'Content, visit records, statistics, pack installs and staff sessions of a Ruyi safety-education park. ' +
          'Admin routes take `Authorization: Bearer <token>` from POST /api/admin/session.',
        version,
      },
      components: { securitySchemes: { staffSession: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    // The app's own files and the controller profiles are static files, not API.
    hideUntagged: false,
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    // validatorUrl: Swagger UI would otherwise send the document to validator.swagger.io.
    uiConfig: { validatorUrl: null, docExpansion: 'list', deepLinking: true },
    // Its own policy would replace the server's (security-headers.ts) with one that upgrades requests to https (the
    // park's LAN is plain http) and lets any same-origin page frame the docs. The server's policy covers Swagger UI's
    // script files; it only adds a <style> element of its own, so these pages alone allow inline styles.
    staticCSP: false,
    transformStaticCSP: allowInlineStyles,
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}

export default fp(openapi, { name: 'openapi' });
