// createDatabase on SQLite (the file the server uses, with its pragmas) and the RUYI_DATABASE_URL setting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';
import { createDatabase, redactDatabaseUrl } from './database.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ruyi-storage-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('createDatabase', () => {
  it('opens ruyi.sqlite in the data folder with the server settings when no URL is set', async () => {
    const storage = createDatabase({ dataDir: join(dir, 'data'), databaseUrl: null });
    try {
      expect(storage.dialect).toBe('sqlite');
      expect(storage.location).toBe(join(dir, 'data', 'ruyi.sqlite'));
      const pragma = async (name: string) => (await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(storage.db)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('synchronous')).toEqual({ synchronous: 2 }); // FULL
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
      expect(await pragma('secure_delete')).toEqual({ secure_delete: 1 });
    } finally {
      await storage.close();
    }
    expect(storage.sqlite!.open).toBe(false);
  });

  it('refuses a URL that is not PostgreSQL', () => {
    expect(() => createDatabase({ dataDir: dir, databaseUrl: 'mysql://ruyi:secret@db/ruyi' })).toThrow(
      'database URL must start with postgres:// or postgresql:// (got mysql://ruyi:***@db/ruyi)',
    );
  });

  it('never shows a password', () => {
    expect(redactDatabaseUrl('postgres://ruyi:s3cret@db.example:5432/ruyi')).toBe('postgres://ruyi:***@db.example:5432/ruyi');
    expect(redactDatabaseUrl('postgresql:///ruyi?host=/run/postgresql&password=s3cret')).not.toContain('s3cret');
    expect(redactDatabaseUrl('s3cret')).toBe('(not a URL)');
  });
});

describe('RUYI_DATABASE_URL', () => {
  it('is absent by default and taken as given when it is a PostgreSQL URL', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ RUYI_DATABASE_URL: 'postgres://ruyi@db.example/ruyi' }).databaseUrl).toBe('postgres://ruyi@db.example/ruyi');
    expect(loadConfig({ RUYI_DATABASE_URL: 'postgresql:///ruyi?host=/run/postgresql' }).databaseUrl).toBe('postgresql:///ruyi?host=/run/postgresql');
  });

  it('stops the server with a message naming it, without echoing the password', () => {
    let error: unknown;
    try {
      loadConfig({ RUYI_DATABASE_URL: 'mysql://ruyi:s3cret@db/ruyi' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('RUYI_DATABASE_URL: must be a PostgreSQL URL');
    expect((error as Error).message).not.toContain('s3cret');
  });
});
