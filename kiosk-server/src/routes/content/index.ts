// GET /api/content: the park and every valid pack in the content snapshot in force, plus the problems of the broken
// ones. The kiosk app renders from this (and re-validates it); the operator screen shows `problems`.
// GET /api/content/events (events.ts) tells the app when to fetch it again.
import { ContentSnapshot } from '@ruyi/pack-schema';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import contentEvents, { type ContentEventsOptions } from './events.ts';

/** `events`: the caps on open event streams. */
const content: FastifyPluginAsyncZod<{ events?: ContentEventsOptions }> = async (app, { events = {} }) => {
  app.get('/content', { schema: { response: { 200: ContentSnapshot } } }, async () => app.content.current());
  await app.register(contentEvents, events);
};

export default content;
