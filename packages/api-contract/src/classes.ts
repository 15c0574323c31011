// 平安校园 class visits and completion certificates.
//
// A teacher (a staff account scoped to a school) opens a class visit (POST /api/classes) and gets a 6-character join
// code. Each student's device joins with it (POST /api/classes/join) and gets a seat and a seat token; the device sends
// that token as the `x-ruyi-class-seat` header with every POST /api/statements of the visit, and the visit's statements
// carry the class code extension (`<school>/<code>`, `classCode` below). The server admits a statement carrying a class
// code only with a valid seat token of that class, so a class's figures hold only its own students' plays. The teacher
// reads the class live (GET /api/classes/:id) and as CSV; a student prints a certificate (POST /api/certificates) whose
// QR code opens /certificate/<id>, checked by GET /api/certificates/:id. No student names anywhere: seats are numbers.
import { z } from 'zod';
import { CODE_ALPHABET, normalizeCode } from './devices.ts';
import { ItemReport, RunFigures } from './statistics.ts';

export const CLASS_CODE_LENGTH = 6;
/** The alphabet of join codes: the enrollment codes' (no 0/O, 1/I/L). */
export const CLASS_CODE_ALPHABET = CODE_ALPHABET;

/** The header a student's device sends its seat token in, with every POST /api/statements (and /api/certificates). */
export const CLASS_SEAT_HEADER = 'x-ruyi-class-seat';

/** Minutes a class stays open unless the teacher closes it earlier. */
export const CLASS_MINUTES = { min: 15, max: 480, default: 120 } as const;

/** A join code as typed (case, spaces and dashes ignored), normalized to upper case. */
export const ClassJoinCode = z
  .string()
  .max(32)
  .transform(normalizeCode)
  .pipe(
    z
      .string()
      .length(CLASS_CODE_LENGTH, { error: `must be the ${CLASS_CODE_LENGTH}-character class code the teacher shows` })
      .regex(new RegExp(`^[${CODE_ALPHABET}]+$`), { error: 'has a character that is never in a code (codes have no 0, O, 1, I or L)' }),
  );

/** The class-code extension's value on statements: the school's code, '/', the join code (e.g. `CC-0042/7KQ2MX`). */
export const ClassCodeValue = z
  .string()
  .regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9-]{0,39}/[${CODE_ALPHABET}]{${CLASS_CODE_LENGTH}}$`), {
    error: `must be <school code>/<${CLASS_CODE_LENGTH}-character class code>`,
  });

/** `<school>/<code>` → its parts; null when it is not one. */
export function parseClassCodeValue(value: unknown): { school: string; code: string } | null {
  if (typeof value !== 'string' || !ClassCodeValue.safeParse(value).success) return null;
  const slash = value.lastIndexOf('/');
  return { school: value.slice(0, slash), code: value.slice(slash + 1) };
}

export const classCodeValue = (school: string, code: string) => `${school}/${code}`;

/** The class within its grade (e.g. "3班"; the grade is its own field); never a person's name. */
export const ClassLabel = z
  .string()
  .trim()
  .min(1, { error: 'name the class, e.g. 3班' })
  .max(20, { error: 'must be at most 20 characters' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._#()（）·-]*$/u, { error: 'may hold letters, digits, spaces and . _ # ( ) · - only, starting with a letter or digit' })
  .refine((label) => !/\d{6,}/.test(label), { error: 'must name a class, not hold a phone or ID number (6 or more digits in a row)' });

export const NewClassBody = z.strictObject({
  grade: z.number().int().min(1, { error: 'must be a grade from 1 to 12' }).max(12, { error: 'must be a grade from 1 to 12' }),
  label: ClassLabel,
  minutes: z.number().int().min(CLASS_MINUTES.min).max(CLASS_MINUTES.max).default(CLASS_MINUTES.default)
    .describe('How long the class stays open for joining and playing (15–480, default 120).'),
});
export type NewClassBody = z.input<typeof NewClassBody>;

export const ClassSession = z.object({
  id: z.string().describe('The class visit’s id (a UUID): the path of its report.'),
  code: z.string().describe('The 6-character join code students type.'),
  /** The value statements carry in the class-code extension: `<school>/<code>`. */
  classCode: z.string(),
  school: z.string(),
  grade: z.number().int(),
  label: z.string(),
  openedAt: z.iso.datetime(),
  /**
   * When it closes as planned. A teacher closing it earlier stops new joins at once (closedAt), but the visits already
   * seated keep counting for the class until this time: their devices cannot know of the early close, and what they
   * record meanwhile must not be lost.
   */
  closesAt: z.iso.datetime(),
  /** When the teacher closed it early; null otherwise. */
  closedAt: z.iso.datetime().nullable(),
  open: z.boolean(),
  /** The kiosk app's path that joins this class: what the QR code holds, after `http://<server>`. */
  joinPath: z.string(),
  /** Seats taken so far. */
  joined: z.number().int(),
});
export type ClassSession = z.infer<typeof ClassSession>;

export const ClassList = z.object({ classes: z.array(ClassSession) });
export type ClassList = z.infer<typeof ClassList>;

export const ClassIdParams = z.object({ id: z.uuid({ error: 'must be a class id' }) });

export const CLASS_PLATFORMS = ['kiosk', 'vr', 'web'] as const;
export const ClassPlatform = z.enum(CLASS_PLATFORMS);

export const StudentScenario = z.object({
  scenario: z.string().describe('pack/scenario'),
  completed: z.boolean(),
  /** The server's verdict of the best completed play; null while none is completed. */
  passed: z.boolean().nullable(),
  /** That play's scaled score, 0..1; null while none is completed. */
  score: z.number().nullable(),
});
export type StudentScenario = z.infer<typeof StudentScenario>;

export const ClassStudent = z.object({
  seat: z.number().int().describe('1, 2, … in join order: no names.'),
  platform: ClassPlatform,
  joinedAt: z.iso.datetime(),
  /** The seat's latest statement (or its joining). */
  lastSeenAt: z.iso.datetime(),
  scenarios: z.array(StudentScenario),
  /** Played at least one scenario, and completed every scenario it started. */
  finished: z.boolean(),
});
export type ClassStudent = z.infer<typeof ClassStudent>;

/** One of a class's weakest questions (the dashboard's per-question figures). */
export type WeakQuestion = z.infer<typeof ItemReport>;

export const ClassReport = z.object({
  class: ClassSession,
  students: z.array(ClassStudent),
  /** The class's questions, lowest correct rate first (at most 10). */
  weakest: z.array(ItemReport),
  totals: RunFigures,
});
export type ClassReport = z.infer<typeof ClassReport>;

/** The columns of GET /api/classes/:id/students.csv, in order (one row per seat; scenarios joined by ' '). */
export const CLASS_CSV_COLUMNS = ['seat', 'platform', 'joined_at', 'last_seen_at', 'scenarios_started', 'scenarios_completed', 'scenarios_passed', 'average_score', 'finished'] as const;

export const JoinClassBody = z.strictObject({ code: ClassJoinCode, platform: ClassPlatform });
export type JoinClassBody = z.input<typeof JoinClassBody>;

export const JoinClassResponse = z.object({
  classId: z.string(),
  /** Put it in every statement's class-code extension for this visit. */
  classCode: z.string(),
  seat: z.number().int(),
  /** Send it as the `x-ruyi-class-seat` header with the visit's statements; shown once, only its hash is stored. */
  token: z.string(),
  school: z.string(),
  grade: z.number().int(),
  label: z.string(),
  closesAt: z.iso.datetime(),
});
export type JoinClassResponse = z.infer<typeof JoinClassResponse>;

/** How a refused join's 401 detail message (path `code`) begins, by reason. */
export const CLASS_CODE_REFUSED = {
  unknown: 'unknown class code',
  closed: 'class closed',
} as const;
export type ClassCodeRefusal = keyof typeof CLASS_CODE_REFUSED;

export function classCodeRefusal(body: { details?: { path: string; message: string }[] } | undefined): ClassCodeRefusal | null {
  const message = body?.details?.find((d) => d.path === 'code')?.message ?? '';
  return (Object.keys(CLASS_CODE_REFUSED) as ClassCodeRefusal[]).find((reason) => message.startsWith(CLASS_CODE_REFUSED[reason])) ?? null;
}

/** The path of the 401 detail when a seat token is unknown or its class is over (the delivery grace included). */
export const SEAT_REFUSED_PATH = CLASS_SEAT_HEADER;

// Certificates ---------------------------------------------------------------------------------------------------------

export const NewCertificateBody = z.strictObject({
  visitId: z.uuid({ error: 'must be the visit id (a UUID)' }),
  scenario: z.string().regex(/^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/, { error: 'must be pack/scenario' }),
});
export type NewCertificateBody = z.infer<typeof NewCertificateBody>;

/** What a certificate shows, and all that its verification tells: no visitor data, no visit id. */
export const CertificateView = z.object({
  valid: z.literal(true),
  scenario: z.string().describe('pack/scenario'),
  /** The day the scenario was completed, in the park's calendar. */
  completedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The park (its id, or its IRI when it has no id). */
  park: z.string(),
  /** For a class visit: its school, grade and class. */
  school: z.string().optional(),
  grade: z.number().int().optional(),
  label: z.string().optional(),
  passed: z.boolean(),
  /** Scaled score 0..1. */
  score: z.number().optional(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const Certificate = CertificateView.extend({
  id: z.string().min(10),
  /** The app's page that shows and verifies it: what the QR code holds, after `http://<server>`. */
  path: z.string(),
});
export type Certificate = z.infer<typeof Certificate>;

export const CertificateIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{10,64}$/, { error: 'must be a certificate id' }) });

export const certificatePath = (id: string) => `/certificate/${id}`;
export const classJoinPath = (code: string) => `/?join=${code}`;
