// GET /api/packs/:id/assets/*: a file from the assets/ folder of the pack version in force (built in or installed).
// Public, like /api/content: the kiosk app loads models, images and audio from here. The ETag carries the version, so
// after an install or a rollback every kiosk fetches the new file; a URL with `?v=<assetVersion>` (the version key the
// response names in `x-ruyi-asset-version`) may be kept for a year, since a new version gets a new URL.
import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../../errors.ts';
import { contentType, resolveAsset } from '../../packs/assets.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

const packAssets: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/packs/:id/assets/*',
    {
      schema: {
        params: z.object({ id: z.string(), '*': z.string() }),
        querystring: z.object({ v: z.string().optional() }),
        // 200 is the file itself (a stream), described by its content-type header.
        response: { 404: ErrorBody },
      },
    },
    async (request, typedReply) => {
      // The typed reply only knows the JSON answers; the file and 304 go out through the plain one.
      const reply = typedReply as unknown as FastifyReply;
      const { id, '*': path } = request.params;
      const source = app.packs.source.packSource(id);
      if (!source) throw new ApiError(404, `no live pack '${id}'`);
      const file = resolveAsset(source.dir, path);
      if (!file) throw new ApiError(404, `pack '${id}' has no asset '${path}'`);
      const etag = `"${source.versionKey}-${file.size.toString(36)}-${Math.floor(file.mtimeMs).toString(36)}"`;
      reply
        .header('etag', etag)
        .header('x-ruyi-asset-version', source.versionKey)
        .header('cache-control', request.query.v === source.versionKey ? IMMUTABLE : REVALIDATE)
        .header('x-content-type-options', 'nosniff')
        // An SVG opened on its own must not run scripts in the kiosk app's origin.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      const match = request.headers['if-none-match'];
      if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
      return reply.type(contentType(file.path)).header('content-length', file.size).send(createReadStream(file.path));
    },
  );
};

export default packAssets;
