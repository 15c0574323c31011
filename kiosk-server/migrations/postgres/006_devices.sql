-- Enrolled devices and their one-time enrollment codes: the counterpart of the SQLite migration 006. Only SHA-256
-- digests of a device's token and of a code are kept. A label names a place, never a person.
CREATE TABLE devices (
  id           text COLLATE "C" PRIMARY KEY,        -- random UUID (text: a route's id is looked up as typed)
  label        text NOT NULL,
  token_hash   text NOT NULL UNIQUE,                -- hex SHA-256 of the device's token
  created_at   timestamptz NOT NULL,                -- enrolled at
  last_seen_at timestamptz,                         -- updated at most once a minute per process
  revoked_at   timestamptz                          -- set: the token is refused from then on
);

-- A used code keeps its row (used_at, device_id) so that a second use can be told apart from a mistyped one; rows a
-- day past their expiry are pruned when a new code is made.
CREATE TABLE device_codes (
  code_hash  text PRIMARY KEY,                      -- hex SHA-256 of the code (upper case, no separators)
  label      text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz,
  device_id  text REFERENCES devices (id)
);
