-- The xAPI document resources (State, Activity Profile, Agent Profile): the counterpart of the SQLite migration 009.
-- One row per document, keyed by its resource and its scope; a part of the scope a resource does not use is ''.
-- The key's text columns compare bytewise (COLLATE "C"), as SQLite's do: ids list in the same order on both stores,
-- whatever the database's locale.
CREATE TABLE xapi_documents (
  kind          text NOT NULL CHECK (kind IN ('state', 'activity-profile', 'agent-profile')),
  activity_id   text COLLATE "C" NOT NULL,          -- the Activity IRI, or ''
  agent         text COLLATE "C" NOT NULL,          -- the Agent's identifier as @ruyi/xapi's agentKey spells it, or ''
  registration  text COLLATE "C" NOT NULL,          -- a lower-case UUID, or ''
  doc_id        text COLLATE "C" NOT NULL,          -- stateId or profileId, as sent
  owner         integer NOT NULL,                   -- xapi_clients.id of the client that created it
  content       bytea NOT NULL,                     -- the bytes as stored (a merge stores the merged JSON)
  content_type  text NOT NULL,
  etag          text NOT NULL,                      -- SHA-1 of content, lower-case hex, unquoted
  updated       bigint NOT NULL,                    -- milliseconds since the epoch, the server's clock
  PRIMARY KEY (kind, activity_id, agent, registration, doc_id)
);

-- The per-client document count (a bound on what one client may keep).
CREATE INDEX xapi_documents_owner ON xapi_documents (owner);
-- Erasure of an Agent's or a visit's documents across resources: a hub holds too many to read them all for one.
CREATE INDEX xapi_documents_agent ON xapi_documents (agent) WHERE agent <> '';
CREATE INDEX xapi_documents_registration ON xapi_documents (registration) WHERE registration <> '';
