// Enrolled devices: the kiosks, VR stations and school PCs that may post statements. Staff create a one-time code at
// /admin (POST /api/admin/devices/codes); the device trades it for a token (POST /api/devices/enroll) and sends that
// token with every statement POST. Revoking a device (POST /api/admin/devices/:id/revoke) refuses its token at once.
import { z } from 'zod';
import type { ErrorBody } from './errors.ts';

/** Upper-case letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** A typed code as stored: upper case, spaces and dashes dropped (`abcd-efgh` → `ABCDEFGH`). */
export const normalizeCode = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

export const EnrollmentCode = z
  .string()
  .max(32)
  .transform(normalizeCode)
  .pipe(
    z
      .string()
      .length(CODE_LENGTH, { error: `must be the ${CODE_LENGTH}-character code from the admin page (e.g. ABCD-EFGH)` })
      .regex(new RegExp(`^[${CODE_ALPHABET}]+$`), { error: 'has a character that is never in a code (codes have no 0, O, 1, I or L)' }),
  );

/**
 * A device's label names a place, never a person: letters of any script, digits, spaces and a little punctuation,
 * at most 40 characters; no '@' and no long runs of digits (e-mail addresses, phone or ID numbers).
 */
export const DeviceLabel = z
  .string()
  .trim()
  .min(1, { error: 'give the device a name, e.g. 东门 1 号机' })
  .max(40, { error: 'must be at most 40 characters' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._#()（）·-]*$/u, { error: "may hold letters, digits, spaces and . _ # ( ) · - only, starting with a letter or digit" })
  .refine((label) => !/\d{6,}/.test(label), { error: 'must name a place, not hold a phone or ID number (6 or more digits in a row)' });

export const CreateCodeBody = z.strictObject({ label: DeviceLabel });
export const EnrollmentCodeResponse = z.object({
  /** Shown once, as `ABCD-EFGH`. */
  code: z.string(),
  label: z.string(),
  expiresAt: z.iso.datetime(),
  /** `http://<the host the staff browser used>/enroll?code=…`: what the QR code holds. */
  enrollUrl: z.string(),
});
export type EnrollmentCodeResponse = z.infer<typeof EnrollmentCodeResponse>;

export const EnrollBody = z.strictObject({ code: EnrollmentCode });
export const EnrollResponse = z.object({
  /** Send it as `Authorization: Bearer <token>`; shown once, only its SHA-256 is stored. */
  token: z.string(),
  deviceId: z.string(),
  label: z.string(),
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const Device = z.object({
  id: z.string(),
  label: z.string(),
  enrolledAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type Device = z.infer<typeof Device>;
export const DeviceList = z.object({ devices: z.array(Device) });
export const RevokeDeviceResponse = z.object({ device: Device });

/** GET /api/devices/me: who the server takes this device for. */
export const DeviceStatus = z.object({
  /** The enrolled device's id, or 'local' for a browser the server exempts (its own machine), or null when open. */
  deviceId: z.string().nullable(),
  label: z.string().nullable(),
  /** Why this device may write: enrolled, exempt address, or enrollment switched off (RUYI_ENROLLMENT=open). */
  via: z.enum(['enrolled', 'exempt', 'open']),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

/** How a refused code's 401 detail message begins, by reason, so the app can say it in the device's language. */
export const CODE_REFUSED = {
  unknown: 'unknown enrollment code',
  used: 'enrollment code already used',
  expired: 'enrollment code expired',
} as const;
export type CodeRefusal = keyof typeof CODE_REFUSED;

/** Why an enrollment was refused, from its error answer; null when it was not a refused code. */
export function codeRefusal(body: ErrorBody | undefined): CodeRefusal | null {
  const message = body?.details?.find((d) => d.path === 'code')?.message ?? '';
  return (Object.keys(CODE_REFUSED) as CodeRefusal[]).find((reason) => message.startsWith(CODE_REFUSED[reason])) ?? null;
}

/** The path and message prefix of the 401 detail that means "enroll this device" (no token, unknown or revoked). */
export const NOT_ENROLLED_PATH = 'Authorization';
export const NOT_ENROLLED = 'device not enrolled';

/** Whether an error answer says the device must be enrolled (as opposed to any other refusal). */
export const isNotEnrolled = (body: ErrorBody | undefined): boolean =>
  !!body?.details?.some((d) => d.path === NOT_ENROLLED_PATH && d.message.startsWith(NOT_ENROLLED));
