// GET /api/content: the park and every valid pack exactly as loaded at start, plus the problems of the broken ones.
// The kiosk app renders from this (and re-validates it); the operator screen shows `problems`.
import { Pack, Park } from '@ruyi/pack-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const PackErrorSchema = z.object({
  file: z.string(),
  path: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  message: z.string(),
});

export const ContentResponse = z.object({
  park: Park.nullable(),
  packs: z.array(Pack),
  problems: z.array(z.object({ dir: z.string(), errors: z.array(PackErrorSchema) })),
});

const content: FastifyPluginAsyncZod = async (app) => {
  app.get('/content', { schema: { response: { 200: ContentResponse } } }, async () => app.content.current());
};

export default content;
