// GET /api/admin/floor: the write budgets and the disk floor, for the admin page's notice when writes are refused.
import { FloorStatus } from '@ruyi/api-contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody } from '../../errors.ts';

const floor: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/floor',
    {
      onRequest: app.admin.authenticate,
      schema: {
        description: 'Per-client statement write budgets, free disk space against the floor, and refusals since start',
        response: { 200: FloorStatus, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async () => {
      const { disk, budgets, refused } = app.floor.status();
      return {
        disk: { freeBytes: disk.freeBytes === null ? null : Math.floor(disk.freeBytes), floorBytes: disk.floorBytes, low: disk.low, checkedAt: new Date(disk.checkedAt).toISOString() },
        budgets,
        refused,
      };
    },
  );
};

export default floor;
