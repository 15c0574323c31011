// The first admin account's password as a single credential: what `set-password` (admin-cli.ts) and the tests that
// predate named accounts read and write. The password of earlier versions (table admin_credential) became the account
// `admin` (migrations 012 / postgres 008); every account's hash is in staff_accounts (accounts.ts).
import type { StorageDatabase } from '../storage/database.ts';
import { accountStoreFor, type AccountStore } from './accounts.ts';
import { FIRST_ADMIN } from './accounts.ts';
import type { StoredCredential } from './password.ts';

export interface CredentialStore {
  /** The `admin` account's credential, or null when there is no such account. */
  read(): Promise<StoredCredential | null>;
  /** Sets the `admin` account's password, creating (or enabling, as admin of the city) the account. */
  write(credential: StoredCredential, now?: Date): Promise<void>;
}

export function credentialStoreOn(accounts: AccountStore): CredentialStore {
  return {
    read: async () => (await accounts.withCredential(FIRST_ADMIN))?.credential ?? null,
    async write(credential, now) {
      await accounts.setFirstAdminPassword(credential, now);
    },
  };
}

export function credentialStoreFor(storage: StorageDatabase): CredentialStore {
  return credentialStoreOn(accountStoreFor(storage));
}
