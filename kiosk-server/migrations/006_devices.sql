-- Enrolled devices: the kiosks, VR stations and school PCs allowed to post statements (POST /api/statements). Staff
-- enroll one from the admin page with a one-time code; the device keeps a random 32-byte token, of which only the
-- SHA-256 is kept here (enough for a random secret, and cheap on every request). A label names a place, never a person.
CREATE TABLE devices (
  id           TEXT PRIMARY KEY,                    -- random UUID: the device's id in logs and write budgets
  label        TEXT NOT NULL,                       -- chosen by staff, e.g. '东门 1 号机'
  token_hash   TEXT NOT NULL UNIQUE,                -- hex SHA-256 of the device's token
  created_at   TEXT NOT NULL,                       -- ISO 8601: enrolled at
  last_seen_at TEXT,                                -- ISO 8601, updated at most once a minute
  revoked_at   TEXT                                 -- set: the token is refused from then on
) STRICT;

-- One-time enrollment codes: 8 characters, valid for minutes, kept by their SHA-256 only. A used code keeps its row
-- (used_at, device_id) so that a second use can be told apart from a mistyped one; expired rows are pruned.
CREATE TABLE device_codes (
  code_hash  TEXT PRIMARY KEY,                      -- hex SHA-256 of the code (upper case, no separators)
  label      TEXT NOT NULL,                         -- the label the device gets
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at    TEXT,
  device_id  TEXT REFERENCES devices (id)
) STRICT, WITHOUT ROWID;
