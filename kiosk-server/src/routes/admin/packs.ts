// Installing, listing, rolling back and removing packs while the park runs. Every route needs a staff session.
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { AdminPackList, InstallResponse, PackId, RemoveResponse, RollbackResponse } from '@ruyi/api-contract';
import { z } from 'zod';
import { ErrorBody } from '../../errors.ts';
import { MAX_UPLOAD_BYTES } from '../../packs/pack-format.ts';

/**
 * Largest accepted upload: 272 MiB, just above what the archive reader would accept once inflated (256 MiB of files;
 * see MAX_UPLOAD_BYTES), so a bigger body is refused (413) before it is held in memory. The archive and its unpacked
 * files are both in memory while it is checked: ~530 MiB at worst, fine on the park's server PC, and one upload runs
 * at a time. A real pack (web-ready glTF models, textures, narration that every kiosk loads over the LAN) is far smaller.
 */
export const UPLOAD_LIMIT = MAX_UPLOAD_BYTES;
export const ARCHIVE_TYPES = ['application/octet-stream', 'application/gzip', 'application/x-gzip'];

const IdParams = z.object({ id: PackId });

const packs: FastifyPluginAsyncZod<{ uploadLimit?: number }> = async (app, { uploadLimit = UPLOAD_LIMIT }) => {
  app.addHook('onRequest', app.admin.authenticate);
  const { store, source } = app.packs;

  app.get('/packs', { schema: { response: { 200: AdminPackList, 401: ErrorBody, 403: ErrorBody } } }, async () => {
    const content = app.content.current();
    const installed = new Map(store.list().map((p) => [p.id, p]));
    const builtIn = new Set(store.builtInIds());
    const ids = [...new Set([...builtIn, ...installed.keys()])].sort();
    return {
      packs: ids.map((id) => {
        const pack = content.packs.find((p) => p.id === id);
        const live = pack !== undefined && source.packSource(id) !== null;
        const inst = installed.get(id);
        return {
          id,
          source: inst ? ('installed' as const) : ('built-in' as const),
          version: inst?.current.version ?? pack?.version ?? null,
          area: pack?.area ?? null,
          live,
          current: inst?.current.key ?? null,
          installedAt: inst?.current.installedAt || null,
          previousVersions: (inst?.previous ?? []).map(({ key, version, installedAt }) => ({ key, version, installedAt })),
          builtIn: builtIn.has(id),
        };
      }),
    };
  });

  // Its own scope, so the archive content types are accepted on this route only.
  await app.register(async (scope) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    upload.addContentTypeParser(ARCHIVE_TYPES, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_request, body, done) => done(null, body));
    upload.post(
      '/packs',
      {
        bodyLimit: uploadLimit,
        schema: {
          consumes: ARCHIVE_TYPES,
          body: z
            .custom<Buffer>((b) => Buffer.isBuffer(b) && b.length > 0, {
              error: 'send the .ruyipack.tgz file itself as the body, with Content-Type: application/octet-stream',
            })
            // For the OpenAPI document: the body is the archive's bytes, not JSON.
            .meta({ type: 'string', format: 'binary', description: 'a .ruyipack.tgz built by `npm run pack -- build`' }),
          response: { 200: InstallResponse, 201: InstallResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 413: ErrorBody },
        },
      },
      async (request, reply) => {
        const areas = app.content.current().park?.areas.map((a) => a.id) ?? null;
        const result = await store.install(request.body, areas);
        if (result.status !== 'unchanged') app.content.reload();
        request.log.info(result, `pack ${result.id} ${result.key}: ${result.status}`);
        return reply.code(result.status === 'installed' ? 201 : 200).send(result);
      },
    );
  });

  app.post(
    '/packs/:id/rollback',
    { schema: { params: IdParams, response: { 200: RollbackResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
    async (request) => {
      const result = await store.rollback(request.params.id);
      app.content.reload();
      request.log.info(result, `pack ${result.id} rolled back to ${result.key}`);
      return result;
    },
  );

  app.delete(
    '/packs/:id',
    { schema: { params: IdParams, response: { 200: RemoveResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
    async (request) => {
      const result = await store.remove(request.params.id);
      app.content.reload();
      request.log.info(result, `pack ${result.id} removed`);
      return { id: result.id, removed: true as const, builtInServes: result.builtIn };
    },
  );
};

export default packs;
