// /api/admin/*: staff log-in and the installed packs (install, list, roll back, remove).
import { z } from 'zod';
import { StaffIdentity } from './accounts.ts';

/** A login: the account's name (`admin`, the first admin account, when left out, as before named accounts) and password. */
export const LoginBody = z.strictObject({ login: z.string().min(1).max(64).optional(), password: z.string().min(1).max(1024) });
export const SessionResponse = z.object({
  token: z.string().min(1),
  expiresAt: z.iso.datetime(),
  /** The account logged in: what the admin page shows and offers. */
  account: StaffIdentity,
});
export type SessionResponse = z.infer<typeof SessionResponse>;
/** GET /api/admin/status: whether a staff password is set (and nothing else), so the admin page can say what to run. */
export const AdminStatus = z.object({ passwordSet: z.boolean() });
export type AdminStatus = z.infer<typeof AdminStatus>;

export const PackId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a pack id (kebab-case)' }).max(64);

const InstalledVersion = z.object({ key: z.string(), version: z.string(), installedAt: z.string() });

export const AdminPack = z.object({
  id: z.string(),
  /** Where the version in force comes from. */
  source: z.enum(['built-in', 'installed']),
  /** The version in force (null for a built-in pack that does not load). */
  version: z.string().nullable(),
  area: z.string().nullable(),
  /** Whether the pack loaded and serves (see GET /api/content → problems otherwise). */
  live: z.boolean(),
  /** The installed version folder in force (`<version>-<digest8>`), null for a built-in pack. */
  current: z.string().nullable(),
  installedAt: z.string().nullable(),
  /** Kept installed versions, newest first: rollback goes to the first. */
  previousVersions: z.array(InstalledVersion),
  /** A pack of this id ships in the content folder (it cannot be removed; an installed one overrides it). */
  builtIn: z.boolean(),
});
export type AdminPack = z.infer<typeof AdminPack>;
export const AdminPackList = z.object({ packs: z.array(AdminPack) });

export const InstallResponse = z.object({
  status: z.enum(['installed', 'reactivated', 'unchanged']),
  id: z.string(),
  version: z.string(),
  key: z.string(),
});
export type InstallResponse = z.infer<typeof InstallResponse>;
export const RollbackResponse = z.object({ id: z.string(), version: z.string(), key: z.string() });
export const RemoveResponse = z.object({ id: z.string(), removed: z.literal(true), builtInServes: z.boolean() });
