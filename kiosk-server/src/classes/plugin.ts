// Class visits as a service: `app.classes.store` (SQLite or PostgreSQL, as app.storage) and `app.classes.authenticate`,
// the onRequest hook of the routes a student's device writes to (POST /api/statements, POST /api/certificates). A valid
// seat token (header x-ruyi-class-seat) authenticates a school PC that is not an enrolled device and sets
// `request.classSeat`, which is what lets the visit's statements carry its class code (records/admission.ts); a seat
// token keeps working until its class closes plus a delivery grace, for outboxes that drain late. Without a usable
// seat token the device's own authentication decides (app.devices.authenticate).
import { CLASS_SEAT_HEADER, SEAT_REFUSED_PATH } from '@ruyi/api-contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { FailureLimit } from '../auth/failures.ts';
import { ApiError } from '../errors.ts';
import { createPostgresClassStore } from './postgres.ts';
import { createSqliteClassStore, SEAT_GRACE_MS, type ClassStore, type SeatHolder } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    classes: {
      store: ClassStore;
      /** How long after its class closes a seat token still authenticates. */
      graceMs: number;
      now: () => number;
      /** onRequest hook: a usable seat token, else the device's own authentication. */
      authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    };
  }
  interface FastifyRequest {
    /** Set by `app.classes.authenticate` for a usable seat token: the seat and its class. */
    classSeat?: SeatHolder;
  }
}

export interface ClassPluginOptions {
  /** Only tests pass a clock (classes close, tokens expire). */
  now?: () => number;
  graceMs?: number;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export default fp<ClassPluginOptions>(
  async (app, { now = Date.now, graceMs = SEAT_GRACE_MS }) => {
    const store = app.storage.dialect === 'postgres' ? createPostgresClassStore(app.storage.db, now) : createSqliteClassStore(app.storage.sqlite!, now);
    // Seat tokens are 32 random bytes; still, an address that keeps sending ones never issued waits before any is looked up.
    const tokenFailures = new FailureLimit({ maxFailures: 10, windowMs: 60_000, lockoutMs: 60_000, maxAddresses: 10_000, now });

    async function seatOf(request: FastifyRequest, reply: FastifyReply, token: string): Promise<SeatHolder | string> {
      const wait = tokenFailures.retryAfterMs(request.ip);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        reply.header('retry-after', String(seconds));
        throw new ApiError(429, `too many unknown class seat tokens from this address: try again in ${seconds} s`);
      }
      const holder = TOKEN.test(token) ? await store.seatByToken(token) : null;
      if (!holder) {
        tokenFailures.fail(request.ip);
        return 'unknown class seat token: join the class again with its code';
      }
      const until = Date.parse(holder.class.closesAt) + graceMs;
      if (now() >= until) return `the seat's class ${holder.class.code} closed at ${holder.class.closesAt}; its seat tokens were taken until ${new Date(until).toISOString()}`;
      return holder;
    }

    app.decorateRequest('classSeat', undefined);
    app.decorate('classes', {
      store,
      graceMs,
      now,
      async authenticate(request: FastifyRequest, reply: FastifyReply) {
        const header = request.headers[CLASS_SEAT_HEADER];
        const token = Array.isArray(header) ? header[0] : header;
        if (!token) return app.devices.authenticate(request, reply);
        const seat = await seatOf(request, reply, token);
        if (typeof seat !== 'string') {
          request.classSeat = seat;
          // An enrolled kiosk (or the server's own machine) in a class is still that device, for its statements'
          // facts and its budget; a school PC that is not one is let in by the seat alone.
          try {
            await app.devices.authenticate(request, reply);
          } catch (error) {
            if (!(error instanceof ApiError && error.statusCode === 401)) throw error;
            reply.removeHeader('www-authenticate');
          }
          return;
        }
        // An enrolled kiosk (or the server's own machine) may still write, without the class: its statements that
        // claim the class are refused by admission, the others stored.
        try {
          await app.devices.authenticate(request, reply);
        } catch (error) {
          if (error instanceof ApiError && error.statusCode === 401) throw new ApiError(401, seat, [{ path: SEAT_REFUSED_PATH, message: seat }]);
          throw error;
        }
      },
    });
  },
  { name: 'ruyi-classes', fastify: '5.x', dependencies: ['ruyi-storage', 'ruyi-devices'] },
);
