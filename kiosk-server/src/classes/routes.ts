// 平安校园 over HTTP (registered under /api, kiosk mode): teachers open, watch and close class visits; students' devices
// join with the code; certificates are issued from the server's own stored statements and verified by anyone holding
// their id. Who may see or run a class is scopes.ts's maySeeClass / mayRunClass.
import {
  Certificate,
  CertificateIdParams,
  CertificateView,
  certificatePath,
  ClassIdParams,
  ClassList,
  ClassReport,
  ClassSession,
  classJoinPath,
  JoinClassBody,
  JoinClassResponse,
  NewCertificateBody,
  NewClassBody,
  parseClassCodeValue,
} from '@ruyi/api-contract';
import { dayOf } from '@ruyi/statistics';
import { iris, type Statement } from '@ruyi/xapi';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { maySeeClass, mayRunClass, type Staff } from '../admin/scopes.ts';
import { RequestBudget } from '../auth/request-budget.ts';
import { ApiError, ErrorBody } from '../errors.ts';
import { refusal } from '../refusal.ts';
import { parkCodeOf } from '../statistics/facts.ts';
import { classReport, studentsCsv } from './report.ts';
import { ClassCodeRefused, type CertificateRow, type ClassRow } from './store.ts';

export interface ClassRoutesOptions {
  base: string;
  parkIri: string;
  utcOffsetMinutes: number;
  /** Joins per minute from one address (a school's computer room may share one). */
  joinsPerMinute?: number;
  /** Certificate checks per minute from one address. */
  checksPerMinute?: number;
}

/** Classes listed at most (the newest first). */
export const LIST_LIMIT = 500;

const classRoutes: FastifyPluginAsyncZod<ClassRoutesOptions> = async (app, options) => {
  const { store, now } = app.classes;
  const { codeFailures } = app.devices;
  const joins = new RequestBudget({ max: options.joinsPerMinute ?? 120, windowMs: 60_000, maxKeys: 10_000, now });
  const checks = new RequestBudget({ max: options.checksPerMinute ?? 60, windowMs: 60_000, maxKeys: 10_000, now });
  const classCodeIri = iris(options.base).extensions.classCode;
  const park = parkCodeOf(options.parkIri) ?? options.parkIri;
  const staffErrors = { 401: ErrorBody, 403: ErrorBody } as const;

  const session = (row: ClassRow): ClassSession => ({
    id: row.id,
    code: row.code,
    classCode: row.classCode,
    school: row.school,
    grade: row.grade,
    label: row.label,
    openedAt: row.openedAt,
    closesAt: row.closesAt,
    closedAt: row.closedAt,
    open: row.closedAt === null && Date.parse(row.closesAt) > now(),
    joinPath: classJoinPath(row.code),
    joined: row.joined,
  });
  const ref = (row: ClassRow) => ({ school: row.school, teacherId: row.teacherId });

  /** 429 once an address is over a per-minute budget, before the body is read. */
  const limited = (budget: RequestBudget, what: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const wait = budget.charge(request.ip);
    if (wait <= 0) return;
    const seconds = Math.ceil(wait / 1000);
    reply.header('retry-after', String(seconds));
    throw new ApiError(429, `too many ${what} from this address: try again in ${seconds} s`);
  };

  /** The class if the caller may see it: 404 none, 403 another teacher's or a school outside the scope. */
  const visible = async (request: FastifyRequest, id: string, run = false): Promise<ClassRow> => {
    const staff = request.staff! as Staff;
    const row = await store.get(id);
    if (!row) throw new ApiError(404, `no class visit ${id}`);
    const may = run ? mayRunClass(staff, ref(row), app.admin.places) : maySeeClass(staff, ref(row), app.admin.places);
    if (!may)
      throw refusal(
        403,
        staff.role === 'teacher' || run ? 'staff.scope' : 'staff.role',
        run ? 'only the teacher who opened a class visit may close it' : `class visit ${id} is not one this account may see (a teacher sees their own classes; an admin or analyst those of schools within scope)`,
        { role: staff.role },
      );
    return row;
  };

  const reportOf = async (row: ClassRow) => {
    const [seats, seatVisits, facts] = await Promise.all([store.seats(row.id), store.seatVisits(row.id), store.facts(row.classCode)]);
    return classReport({ class: session(row), seats, seatVisits, facts, utcOffsetMinutes: options.utcOffsetMinutes });
  };

  app.post(
    '/classes',
    {
      config: { staff: { action: 'classes', target: 'route' } },
      schema: {
        description: 'A teacher opens a class visit of their school: a join code students type (or scan) on kiosks, VR stations and school PCs.',
        body: NewClassBody,
        response: { 201: ClassSession, 400: ErrorBody, ...staffErrors },
      },
    },
    async (request, reply) => {
      const staff = request.staff!;
      if (staff.scope.kind !== 'school') throw refusal(403, 'staff.scope', 'a teacher opens classes of their school: this account is scoped to no school', { role: staff.role });
      const { grade, label, minutes } = request.body;
      const row = await store.create({ school: staff.scope.id, grade, label, teacherId: staff.id, minutes: minutes ?? 120 });
      request.log.info({ classId: row.id, school: row.school, grade, closesAt: row.closesAt }, 'class visit opened');
      return reply.code(201).send(session(row));
    },
  );

  app.get(
    '/classes',
    {
      config: { staff: { action: 'signed-in' } },
      schema: { description: 'The class visits this account may see, the newest first: a teacher their own; an admin or analyst those of schools within scope.', response: { 200: ClassList, ...staffErrors } },
    },
    async (request) => {
      const staff = request.staff! as Staff;
      if (staff.role === 'operator') throw refusal(403, 'staff.role', 'an operator may not see class visits (teachers, admins and analysts only)', { role: staff.role });
      const rows = await store.list({ teacherId: staff.role === 'teacher' ? staff.id : undefined, limit: LIST_LIMIT });
      return { classes: rows.filter((row) => maySeeClass(staff, ref(row), app.admin.places)).map(session) };
    },
  );

  app.get(
    '/classes/:id',
    {
      config: { staff: { action: 'signed-in' } },
      schema: {
        description: "A class visit live: each seat's scenarios, who finished, the class's weakest questions and its totals (a few seconds behind the statements).",
        params: ClassIdParams,
        response: { 200: ClassReport, 400: ErrorBody, 404: ErrorBody, ...staffErrors },
      },
    },
    async (request) => reportOf(await visible(request, request.params.id)),
  );

  app.get(
    '/classes/:id/students.csv',
    {
      config: { staff: { action: 'signed-in' } },
      schema: {
        description: 'The class visit’s seats as CSV (UTF-8 with a BOM): one row per seat, no personal data.',
        params: ClassIdParams,
        response: { 400: ErrorBody, 404: ErrorBody, ...staffErrors },
      },
    },
    async (request, reply) => {
      const row = await visible(request, request.params.id);
      const csv = studentsCsv(await reportOf(row));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="class-${row.school}-${row.grade}-${row.code}.csv"`)
        .send(csv as never);
    },
  );

  app.post(
    '/classes/:id/close',
    {
      config: { staff: { action: 'classes', target: 'route' } },
      schema: {
        description: 'The teacher who opened the class closes it now: no one joins any more, and statements made from now on do not count for it.',
        params: ClassIdParams,
        response: { 200: ClassSession, 400: ErrorBody, 404: ErrorBody, ...staffErrors },
      },
    },
    async (request) => {
      const row = await visible(request, request.params.id, true);
      const closed = (await store.close(row.id))!;
      request.log.info({ classId: row.id }, 'class visit closed');
      return session(closed);
    },
  );

  /** Refuses an address that guessed too many codes (class or enrollment codes alike) before its body is read. */
  const notLockedOut = async (request: FastifyRequest, reply: FastifyReply) => {
    const wait = codeFailures.retryAfterMs(request.ip);
    if (wait <= 0) return;
    const seconds = Math.ceil(wait / 1000);
    reply.header('retry-after', String(seconds));
    throw new ApiError(429, `too many wrong codes from this address: try again in ${seconds} s`);
  };

  app.post(
    '/classes/join',
    {
      onRequest: [limited(joins, 'class joins'), notLockedOut],
      bodyLimit: 1024,
      schema: {
        description: 'A student’s device joins an open class with its code: a seat number and the seat token to send with the visit’s statements.',
        body: JoinClassBody,
        response: { 200: JoinClassResponse, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      try {
        const { class: row, seat, token } = await store.join(request.body.code, request.body.platform);
        codeFailures.clear(request.ip);
        request.log.info({ classId: row.id, seat, platform: request.body.platform }, 'class seat taken');
        return { classId: row.id, classCode: row.classCode, seat, token, school: row.school, grade: row.grade, label: row.label, closesAt: row.closesAt };
      } catch (error) {
        if (!(error instanceof ClassCodeRefused)) throw error;
        codeFailures.fail(request.ip);
        request.log.warn({ address: request.ip, reason: error.reason }, 'class code refused');
        reply.header('www-authenticate', 'Bearer realm="ruyi-class"');
        throw new ApiError(401, error.message, [{ path: 'code', message: error.message }]);
      }
    },
  );

  const view = (c: CertificateRow): z.infer<typeof CertificateView> => ({
    valid: true,
    scenario: c.scenario,
    completedOn: c.completedOn,
    park: c.park,
    ...(c.school === null ? {} : { school: c.school }),
    ...(c.grade === null ? {} : { grade: c.grade }),
    ...(c.label === null ? {} : { label: c.label }),
    passed: c.passed,
    ...(c.score === null ? {} : { score: c.score }),
  });

  app.post(
    '/certificates',
    {
      // Whoever may post the visit's statements: a seat token, an enrolled device, the server's own machine.
      onRequest: app.classes.authenticate,
      bodyLimit: 1024,
      schema: {
        description:
          'A completion certificate for a scenario the visit completed, as the statements stored here show (201; 200 with the same certificate when asked again); 409 while no completed play is stored.',
        body: NewCertificateBody,
        response: { 200: Certificate, 201: Certificate, 400: ErrorBody, 401: ErrorBody, 409: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { visitId, scenario } = request.body;
      const [packId, scenarioId] = scenario.split('/') as [string, string];
      const run = await store.completedRun(visitId, packId, scenarioId);
      if (!run)
        throw new ApiError(409, `no completed play of scenario ${scenario} in this visit is stored on this server (yet: send the visit's statements first)`, [
          { path: 'scenario', message: 'not completed in this visit' },
        ]);
      const stored = Date.parse(run.stored);
      const happened = run.timestamp === null ? stored : Math.min(Date.parse(run.timestamp), stored);
      const claimed = parseClassCodeValue((JSON.parse(run.body) as Statement).context?.extensions?.[classCodeIri]);
      const cls = claimed ? await store.byCode(claimed.code) : null;
      const inClass = cls && cls.school === claimed!.school ? cls : null;
      const { certificate, created } = await store.issue(visitId, {
        scenario,
        completedOn: dayOf(new Date(happened).toISOString(), options.utcOffsetMinutes),
        park,
        school: inClass?.school ?? null,
        grade: inClass?.grade ?? null,
        label: inClass?.label ?? null,
        passed: run.passed,
        score: run.score,
      });
      if (created) request.log.info({ certificate: certificate.id, scenario }, 'certificate issued');
      return reply.code(created ? 201 : 200).send({ ...view(certificate), id: certificate.id, path: certificatePath(certificate.id) });
    },
  );

  app.get(
    '/certificates/:id',
    {
      onRequest: limited(checks, 'certificate checks'),
      schema: {
        description: 'Verifies a certificate (its QR code): what it shows, with no visitor data; 404 when this server issued none with this id.',
        params: CertificateIdParams,
        response: { 200: CertificateView, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) => {
      const certificate = await store.certificate(request.params.id);
      if (!certificate) throw new ApiError(404, 'no certificate with this id was issued here');
      return view(certificate);
    },
  );
};

export default classRoutes;
