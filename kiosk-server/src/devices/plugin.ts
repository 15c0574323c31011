// Enrolled devices as a service: `app.devices.authenticate` is the onRequest hook of the routes only enrolled devices
// may use (POST /api/statements). It runs before the body is read and sets `request.deviceId`: the enrolled device's
// id, or 'local' for an exempt address (by default the server's own machine). Anything else is refused with 401 and a
// detail the kiosk app recognises (`isNotEnrolled`), so it keeps its statements and asks staff to enroll it.
import { NOT_ENROLLED, NOT_ENROLLED_PATH } from '@ruyi/api-contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { FailureLimit } from '../auth/failures.ts';
import { ApiError } from '../errors.ts';
import { bearerToken } from '../plugins/admin.ts';
import { exemptMatcher } from './exempt.ts';
import { createPostgresDeviceRegistry } from './postgres.ts';
import { createSqliteDeviceRegistry, type DeviceRegistry } from './registry.ts';
import type { DeviceSettings } from './settings.ts';

declare module 'fastify' {
  interface FastifyInstance {
    devices: {
      registry: DeviceRegistry;
      settings: DeviceSettings;
      /** Wrong enrollment codes per address: guessing a code is limited like guessing a password. */
      codeFailures: FailureLimit;
      /** Whether this address may write without enrolling. */
      isExempt(address: string): boolean;
      authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
      /** Forgets what the service remembers of a device (after a revoke). */
      forget(id: string): void;
    };
  }
  interface FastifyRequest {
    /**
     * Set by `app.devices.authenticate`: the enrolled device's id, 'local' for an exempt address, or left unset when
     * enrollment is off (RUYI_ENROLLMENT=open): then only the client address tells writers apart.
     */
    deviceId?: string;
  }
}

export interface DevicePluginOptions extends DeviceSettings {
  /** Only tests pass a clock (codes expire, last-seen times). */
  now?: () => number;
}

/** How often a device's last_seen_at is written at most: a statement POST must not become a second write. */
export const SEEN_EVERY_MS = 60_000;
/** The id exempt addresses write under (their budget key): they are one machine, the server's own. */
export const LOCAL_DEVICE = 'local';

const WHERE = 'staff enroll it on the admin page (/admin → Devices) with a code or QR code';

function notEnrolled(reply: FastifyReply, why: string): ApiError {
  reply.header('www-authenticate', 'Bearer realm="ruyi-device"');
  return new ApiError(401, `this device is not enrolled (${why}): ${WHERE}; its statements wait on the device until then`, [
    { path: NOT_ENROLLED_PATH, message: `${NOT_ENROLLED}: ${why}` },
  ]);
}

export default fp<DevicePluginOptions>(
  async (app, { enrollment, exempt, now = Date.now }) => {
    const { storage } = app;
    const registry = storage.dialect === 'postgres' ? createPostgresDeviceRegistry(storage.db, now) : createSqliteDeviceRegistry(storage.sqlite!, now);
    const isExempt = exemptMatcher(exempt);
    // Tokens are 32 random bytes, so guessing one is hopeless; still, an address that keeps sending tokens never
    // issued is refused for a while before any is looked up. Known but revoked tokens are not counted: a revoked kiosk
    // retries on its own and must keep hearing "not enrolled", not "too many".
    const tokenFailures = new FailureLimit({ maxFailures: 10, windowMs: 60_000, lockoutMs: 60_000, maxAddresses: 10_000, now });
    const codeFailures = new FailureLimit({ maxFailures: 5, windowMs: 10 * 60_000, lockoutMs: 60_000, maxAddresses: 10_000, now });
    const lastWritten = new Map<string, number>();

    const seen = async (id: string) => {
      const at = now();
      if (at - (lastWritten.get(id) ?? 0) < SEEN_EVERY_MS) return;
      lastWritten.set(id, at);
      await registry.touch(id, at);
    };

    if (enrollment === 'open') app.log.warn('RUYI_ENROLLMENT=open: any device on the network may post statements (for a closed network only)');

    app.decorate('devices', {
      registry,
      settings: { enrollment, exempt },
      codeFailures,
      isExempt,
      forget: (id: string) => void lastWritten.delete(id),
      async authenticate(request: FastifyRequest, reply: FastifyReply) {
        if (enrollment === 'open') return;
        const exemptAddress = isExempt(request.ip);
        const token = bearerToken(request);
        if (token) {
          const wait = exemptAddress ? 0 : tokenFailures.retryAfterMs(request.ip);
          if (wait > 0) {
            const seconds = Math.ceil(wait / 1000);
            reply.header('retry-after', String(seconds));
            throw new ApiError(429, `too many unknown device credentials from this address: try again in ${seconds} s`);
          }
          const device = await registry.byToken(token);
          if (device && !device.revokedAt) {
            request.deviceId = device.id;
            await seen(device.id);
            return;
          }
          if (!exemptAddress) {
            if (!device) tokenFailures.fail(request.ip);
            throw notEnrolled(reply, device ? `its credential was revoked at ${device.revokedAt}` : 'its credential is unknown to this server');
          }
        }
        if (exemptAddress) {
          request.deviceId = LOCAL_DEVICE;
          return;
        }
        throw notEnrolled(reply, 'no device credential was sent (Authorization: Bearer <device token>)');
      },
    });
  },
  { name: 'ruyi-devices', fastify: '5.x', dependencies: ['ruyi-storage'] },
);
