-- The staff password for the admin routes (installing packs). One row at most; there is no default: until
-- `npm run admin -- set-password` writes it, every admin route answers 403. Only a scrypt hash is kept, never the
-- password; the parameters are stored with it so they can be raised later without locking anyone out.
CREATE TABLE admin_credential (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  algorithm  TEXT NOT NULL,               -- 'scrypt'
  params     TEXT NOT NULL,               -- JSON: { N, r, p, keyLength }
  salt       TEXT NOT NULL,               -- base64, 16 random bytes
  hash       TEXT NOT NULL,               -- base64
  updated_at TEXT NOT NULL                -- ISO 8601
) STRICT;
