-- Staff accounts on PostgreSQL: the counterpart of the SQLite migrations 002 and 011 (xapi_clients is in 001).
-- Sessions live here, not in a process's memory, so a session made by one hub process is valid on every other one
-- behind the reverse proxy. Only hashes are kept: scrypt for the password, SHA-256 for session tokens.

-- The staff password for the admin routes. One row at most; until `npm run admin -- set-password` writes it, every
-- admin route answers 403. The scrypt parameters are stored with it so they can be raised later.
CREATE TABLE admin_credential (
  id         integer PRIMARY KEY CHECK (id = 1),
  algorithm  text NOT NULL,                          -- 'scrypt'
  params     text NOT NULL,                          -- JSON: { N, r, p, keyLength }
  salt       text NOT NULL,                          -- base64, 16 random bytes
  hash       text NOT NULL,                          -- base64
  updated_at timestamptz NOT NULL
);

CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,                       -- base64url SHA-256 of the token
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL                    -- refused from then on; removed at the next login
);
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);
