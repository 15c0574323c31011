-- The Learning Record Store (xAPI 1.0.3). `body` is each statement as received (with `id` filled in when the client
-- sent none): the exact bytes the forwarder sends on, never rewritten. Every other column is a copy for querying.
CREATE TABLE statements (
  seq                 INTEGER PRIMARY KEY AUTOINCREMENT, -- order stored: `more` paging and the forwarder's cursor
  id                  TEXT NOT NULL UNIQUE,              -- lower-case UUID
  body                TEXT NOT NULL,
  stored              TEXT NOT NULL,                     -- ISO 8601, this server's clock
  authority           TEXT NOT NULL,                     -- JSON Agent/Group: the client that sent it
  client_id           INTEGER REFERENCES xapi_clients (id), -- null: the kiosk app's own device route
  verb_id             TEXT NOT NULL,
  timestamp           TEXT,                              -- as sent (or stored, when the statement had none)
  registration        TEXT,
  object_statement_id TEXT,                              -- object is a StatementRef
  voiding             INTEGER NOT NULL DEFAULT 0,        -- 1: verb is 'voided' (it voids object_statement_id)
  voided              INTEGER NOT NULL DEFAULT 0,        -- 1: a voiding statement targets this one
  -- Ruyi's own statements, read back (null for statements from other tools): for statistics.
  kind                TEXT,
  visit_id            TEXT,
  platform            TEXT,
  locale              TEXT,
  pack_id             TEXT,
  scenario_id         TEXT,
  area                TEXT,
  run_id              TEXT,
  score_scaled        REAL,
  passed              INTEGER
) STRICT;

CREATE INDEX statements_verb ON statements (verb_id, seq);
CREATE INDEX statements_registration ON statements (registration, seq);
CREATE INDEX statements_ref ON statements (object_statement_id);
CREATE INDEX statements_stored ON statements (stored);
CREATE INDEX statements_kind_visit ON statements (kind, visit_id);
CREATE INDEX statements_kind_area ON statements (kind, area, score_scaled);

-- Agents for the `agent` filter (actor or object: related = 0) and `related_agents` (also authority, instructor,
-- team, group members and sub-statements: related = 1). `agent_key` is the agent's identifier as one string.
CREATE TABLE statement_agents (
  seq       INTEGER NOT NULL REFERENCES statements (seq),
  agent_key TEXT NOT NULL,
  related   INTEGER NOT NULL,
  PRIMARY KEY (agent_key, related, seq)
) STRICT, WITHOUT ROWID;

-- Activities for `activity` (the object: related = 0) and `related_activities` (also context activities and
-- sub-statements: related = 1).
CREATE TABLE statement_activities (
  seq         INTEGER NOT NULL REFERENCES statements (seq),
  activity_id TEXT NOT NULL,
  related     INTEGER NOT NULL,
  PRIMARY KEY (activity_id, related, seq)
) STRICT, WITHOUT ROWID;

-- Attachment bytes, once per content hash (many statements may carry the same file).
CREATE TABLE attachments (
  sha2         TEXT PRIMARY KEY,                     -- lower-case hex SHA-256 of content
  content_type TEXT NOT NULL,
  content      BLOB NOT NULL
) STRICT;

-- Who may use /xapi/statements. The secret is 32 random bytes, so a SHA-256 of it is enough (no brute force is
-- feasible) and cheap on every request; the secret itself is shown once, by `npm run admin -- client add`.
CREATE TABLE xapi_clients (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  role        TEXT NOT NULL CHECK (role IN ('kiosk', 'hub', 'reader')),
  key         TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,                         -- hex SHA-256 of the secret
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
) STRICT;
