// Staff accounts (/api/admin/accounts, and who is logged in): a login name, a role and a scope. The rules of who may
// do what where are the server's (kiosk-server/src/admin/scopes.ts); these are the bodies.
import { z } from 'zod';

export const StaffRole = z.enum(['admin', 'operator', 'analyst', 'teacher']);
export type StaffRole = z.infer<typeof StaffRole>;

/** The city; a district by its 6-digit division code; a park by its id; a school by its code. */
export const StaffScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('city') }),
  z.strictObject({ kind: z.literal('district'), id: z.string().regex(/^\d{6}$/, { error: 'must be a 6-digit division code' }) }),
  z.strictObject({ kind: z.literal('park'), id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'must be a park id (a-z, 0-9, -)' }) }),
  z.strictObject({ kind: z.literal('school'), id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, { error: 'must be a school code (letters, digits, -)' }) }),
]);
export type StaffScope = z.infer<typeof StaffScope>;

export const StaffLogin = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, { error: "must be 2–32 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit" });

/** Who is logged in: the session's account. */
export const StaffIdentity = z.object({ id: z.number().int(), login: z.string(), role: StaffRole, scope: StaffScope });
export type StaffIdentity = z.infer<typeof StaffIdentity>;

export const StaffAccount = StaffIdentity.extend({
  createdAt: z.string(),
  updatedAt: z.string(),
  disabledAt: z.string().nullable(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const AccountList = z.object({ accounts: z.array(StaffAccount) });
export type AccountList = z.infer<typeof AccountList>;

const Password = z.string().min(12, { error: 'must be at least 12 characters long' }).max(1024);

export const NewAccountBody = z.strictObject({ login: StaffLogin, role: StaffRole, scope: StaffScope, password: Password });
export type NewAccountBody = z.infer<typeof NewAccountBody>;

/** A change of role, scope or whether the account may log in (at least one). */
export const AccountChangeBody = z
  .strictObject({ role: StaffRole.optional(), scope: StaffScope.optional(), disabled: z.boolean().optional() })
  .refine((b) => b.role !== undefined || b.scope !== undefined || b.disabled !== undefined, { error: 'name role, scope or disabled' });
export type AccountChangeBody = z.infer<typeof AccountChangeBody>;

export const PasswordResetBody = z.strictObject({ password: Password });
export type PasswordResetBody = z.infer<typeof PasswordResetBody>;

export const AccountIdParams = z.object({ id: z.coerce.number().int().positive() });
