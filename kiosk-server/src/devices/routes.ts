// Device enrollment over HTTP (registered under /api). Staff, behind the admin session, create one-time codes, list
// devices and revoke them; a device trades a code for its token at POST /api/devices/enroll and asks who the server
// takes it for at GET /api/devices/me.
import {
  CreateCodeBody,
  DeviceList,
  DeviceStatus,
  EnrollBody,
  EnrollmentCodeResponse,
  EnrollResponse,
  RevokeDeviceResponse,
} from '@ruyi/api-contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError, ErrorBody } from '../errors.ts';
import { CodeRefused } from './registry.ts';

const deviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { registry, codeFailures } = app.devices;

  /** Refuses an address that guessed too many codes before its body is read. */
  const notLockedOut = async (request: FastifyRequest, reply: FastifyReply) => {
    const wait = codeFailures.retryAfterMs(request.ip);
    if (wait <= 0) return;
    const seconds = Math.ceil(wait / 1000);
    reply.header('retry-after', String(seconds));
    throw new ApiError(429, `too many wrong enrollment codes from this address: try again in ${seconds} s`);
  };

  app.post(
    '/devices/enroll',
    {
      onRequest: notLockedOut,
      bodyLimit: 1024,
      schema: {
        description: 'Trades a one-time enrollment code (from the admin page) for this device’s token.',
        body: EnrollBody,
        response: { 200: EnrollResponse, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      try {
        const { device, token } = await registry.enroll(request.body.code);
        codeFailures.clear(request.ip);
        request.log.info({ deviceId: device.id, label: device.label }, 'device enrolled');
        return { token, deviceId: device.id, label: device.label };
      } catch (error) {
        if (!(error instanceof CodeRefused)) throw error;
        codeFailures.fail(request.ip);
        request.log.warn({ address: request.ip, reason: error.reason }, 'enrollment code refused');
        reply.header('www-authenticate', 'Bearer realm="ruyi-device"');
        throw new ApiError(401, error.message, [{ path: 'code', message: error.message }]);
      }
    },
  );

  app.get(
    '/devices/me',
    {
      onRequest: app.devices.authenticate,
      schema: {
        description: 'Whether this device may post statements, and under which name; 401 when it must be enrolled.',
        response: { 200: DeviceStatus, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      if (app.devices.settings.enrollment === 'open') return { deviceId: null, label: null, via: 'open' as const };
      const device = request.deviceId && request.deviceId !== 'local' ? await registry.get(request.deviceId) : null;
      if (device) return { deviceId: device.id, label: device.label, via: 'enrolled' as const };
      return { deviceId: request.deviceId ?? null, label: null, via: 'exempt' as const };
    },
  );

  const staff = { onRequest: app.admin.authenticate };

  app.get(
    '/admin/devices',
    { ...staff, schema: { description: 'Every enrolled device, the newest first.', response: { 200: DeviceList, 401: ErrorBody, 403: ErrorBody } } },
    async () => ({ devices: await registry.list() }),
  );

  app.post(
    '/admin/devices/codes',
    {
      ...staff,
      schema: {
        description: 'A one-time code (valid 10 minutes) that enrolls one device under this label, and the URL its QR code holds.',
        body: CreateCodeBody,
        response: { 201: EnrollmentCodeResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const code = await registry.createCode(request.body.label);
      // The address the staff browser reached the server by is one the park's devices can reach too (unless it is
      // loopback, which the admin page warns about).
      const enrollUrl = `${request.protocol}://${request.host}/enroll?code=${encodeURIComponent(code.code)}`;
      request.log.info({ label: code.label, expiresAt: code.expiresAt }, 'enrollment code created');
      return reply.code(201).send({ ...code, enrollUrl });
    },
  );

  app.post(
    '/admin/devices/:id/revoke',
    {
      ...staff,
      schema: {
        description: 'Refuses the device’s token from now on; its statements already stored stay.',
        params: z.object({ id: z.uuid({ error: 'must be a device id' }) }),
        response: { 200: RevokeDeviceResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const device = await registry.revoke(request.params.id);
      if (!device) throw new ApiError(404, `no device with id ${request.params.id}`);
      app.devices.forget(device.id);
      request.log.info({ deviceId: device.id, label: device.label }, 'device revoked');
      return { device };
    },
  );
};

export default deviceRoutes;
