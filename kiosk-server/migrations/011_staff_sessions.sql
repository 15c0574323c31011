-- Staff sessions in the database rather than in one process's memory: a restart no longer logs staff out, and on a
-- hub any process behind the reverse proxy knows a session another one made. Only the SHA-256 of a token is kept
-- (base64url), so a copy of the file opens no session.
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  created_at TEXT NOT NULL,               -- ISO 8601
  expires_at TEXT NOT NULL                -- ISO 8601; an expired row is refused, and removed at the next login
) STRICT, WITHOUT ROWID;
CREATE INDEX staff_sessions_expires ON staff_sessions (expires_at);
