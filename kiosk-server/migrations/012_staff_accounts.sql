-- Named staff accounts with a role and a scope, instead of one shared password. Each has its own scrypt hash (the
-- parameters stored with it); a login name is a name for the desk ('nanguan-analyst'), no person's data is asked for.
-- The single password there was becomes the account `admin` (role admin, scope city) with the same hash, so a park
-- logs in as before with its password. Sessions now belong to an account: one disabled or deleted stops working at
-- once (the session lookup joins the account).
CREATE TABLE staff_accounts (
  id          INTEGER PRIMARY KEY,
  login       TEXT NOT NULL UNIQUE,        -- a-z, 0-9, '.', '_', '-'
  role        TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'analyst', 'teacher')),
  scope_kind  TEXT NOT NULL CHECK (scope_kind IN ('city', 'district', 'park', 'school')),
  scope_id    TEXT NOT NULL DEFAULT '',    -- '' for the city; a district's division code, a park id, a school code
  algorithm   TEXT NOT NULL,               -- 'scrypt'
  params      TEXT NOT NULL,               -- JSON: { N, r, p, keyLength }
  salt        TEXT NOT NULL,               -- base64, 16 random bytes
  hash        TEXT NOT NULL,               -- base64
  created_at  TEXT NOT NULL,               -- ISO 8601
  updated_at  TEXT NOT NULL,               -- ISO 8601
  disabled_at TEXT                         -- ISO 8601; a disabled account cannot log in and its sessions are refused
) STRICT;

INSERT INTO staff_accounts (login, role, scope_kind, scope_id, algorithm, params, salt, hash, created_at, updated_at)
  SELECT 'admin', 'admin', 'city', '', algorithm, params, salt, hash, updated_at, updated_at FROM admin_credential;
-- The table stays (empty) for tools that still list it; nothing reads it any more.
DELETE FROM admin_credential;

-- Sessions open before this migration were the one admin's: they stay valid, now as the admin account's.
ALTER TABLE staff_sessions ADD COLUMN account_id INTEGER REFERENCES staff_accounts (id) ON DELETE CASCADE;
UPDATE staff_sessions SET account_id = (SELECT id FROM staff_accounts WHERE login = 'admin');
CREATE INDEX staff_sessions_account ON staff_sessions (account_id);
