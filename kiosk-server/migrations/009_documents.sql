-- The xAPI document resources: State (/activities/state), Activity Profile (/activities/profile) and Agent Profile
-- (/agents/profile). One row per document, keyed by its resource and its scope; a part of the scope a resource does
-- not use is '' (an Activity Profile has no agent, an Agent Profile no activity, only State has a registration).
CREATE TABLE xapi_documents (
  kind          TEXT NOT NULL CHECK (kind IN ('state', 'activity-profile', 'agent-profile')),
  activity_id   TEXT NOT NULL,                       -- the Activity IRI, or ''
  agent         TEXT NOT NULL,                       -- the Agent's identifier as @ruyi/xapi's agentKey spells it, or ''
  registration  TEXT NOT NULL,                       -- a lower-case UUID, or ''
  doc_id        TEXT NOT NULL,                       -- stateId or profileId, as sent
  owner         INTEGER NOT NULL,                    -- xapi_clients.id of the client that created it
  content       BLOB NOT NULL,                       -- the bytes as stored (a merge stores the merged JSON)
  content_type  TEXT NOT NULL,
  etag          TEXT NOT NULL,                       -- SHA-1 of content, lower-case hex, unquoted
  updated       INTEGER NOT NULL,                    -- milliseconds since the epoch, the server's clock
  PRIMARY KEY (kind, activity_id, agent, registration, doc_id)
) STRICT, WITHOUT ROWID;

-- The per-client document count (a bound on what one client may keep).
CREATE INDEX xapi_documents_owner ON xapi_documents (owner);
