-- Leaner statements: the side tables held each agent key and activity IRI as text twice (in the lookup key and again
-- in the index by seq), and once more as a 'related' row next to each 'direct' one: about 1.2 KiB per statement, most
-- of the bytes beside the body. Now each key or IRI is stored once, in a dictionary, and a statement refers to it by
-- number, once, with `direct` telling whether it is also the statement's actor/object (every direct one is related).
-- Data is kept: the rows are copied over, and the old names stay readable (and deletable) as views.

CREATE TABLE statement_agent_keys (
  id  INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE                     -- agentKey: the agent's identifier as one string
) STRICT;

CREATE TABLE statement_activity_iris (
  id  INTEGER PRIMARY KEY,
  iri TEXT NOT NULL UNIQUE
) STRICT;

-- related_agents = true: every row of the agent; false: only direct ones (actor or object).
CREATE TABLE statement_agent_refs (
  agent  INTEGER NOT NULL REFERENCES statement_agent_keys (id),
  seq    INTEGER NOT NULL REFERENCES statements (seq),
  direct INTEGER NOT NULL,                     -- 1: actor or object; 0: only related (authority, team, context, ...)
  PRIMARY KEY (agent, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_agent_refs_seq ON statement_agent_refs (seq);

CREATE TABLE statement_activity_refs (
  activity INTEGER NOT NULL REFERENCES statement_activity_iris (id),
  seq      INTEGER NOT NULL REFERENCES statements (seq),
  direct   INTEGER NOT NULL,                   -- 1: the object; 0: only related (context activities, sub-statement)
  PRIMARY KEY (activity, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_activity_refs_seq ON statement_activity_refs (seq);

INSERT INTO statement_agent_keys (key) SELECT DISTINCT agent_key FROM statement_agents ORDER BY agent_key;
INSERT INTO statement_agent_refs (agent, seq, direct)
  SELECT k.id, a.seq, MAX(a.related = 0) FROM statement_agents a JOIN statement_agent_keys k ON k.key = a.agent_key GROUP BY k.id, a.seq;
INSERT INTO statement_activity_iris (iri) SELECT DISTINCT activity_id FROM statement_activities ORDER BY activity_id;
INSERT INTO statement_activity_refs (activity, seq, direct)
  SELECT i.id, a.seq, MAX(a.related = 0) FROM statement_activities a JOIN statement_activity_iris i ON i.iri = a.activity_id GROUP BY i.id, a.seq;

DROP TABLE statement_agents;
DROP TABLE statement_activities;

-- The old shape, for readers that ask by key (erase, tests): a direct reference shows as two rows, as before.
CREATE VIEW statement_agents (seq, agent_key, related) AS
  SELECT r.seq, k.key, 0 FROM statement_agent_refs r JOIN statement_agent_keys k ON k.id = r.agent WHERE r.direct = 1
  UNION ALL
  SELECT r.seq, k.key, 1 FROM statement_agent_refs r JOIN statement_agent_keys k ON k.id = r.agent;

CREATE VIEW statement_activities (seq, activity_id, related) AS
  SELECT r.seq, i.iri, 0 FROM statement_activity_refs r JOIN statement_activity_iris i ON i.id = r.activity WHERE r.direct = 1
  UNION ALL
  SELECT r.seq, i.iri, 1 FROM statement_activity_refs r JOIN statement_activity_iris i ON i.id = r.activity;

-- Deleting a statement's rows (privacy/delete.ts) deletes its references, and a key or IRI no statement refers to any
-- more: an erased visitor's identifier must not stay behind in the dictionary.
CREATE TRIGGER statement_agents_delete INSTEAD OF DELETE ON statement_agents
BEGIN
  DELETE FROM statement_agent_refs WHERE seq = old.seq AND agent = (SELECT id FROM statement_agent_keys WHERE key = old.agent_key);
  DELETE FROM statement_agent_keys WHERE key = old.agent_key
    AND NOT EXISTS (SELECT 1 FROM statement_agent_refs r WHERE r.agent = statement_agent_keys.id);
END;

CREATE TRIGGER statement_activities_delete INSTEAD OF DELETE ON statement_activities
BEGIN
  DELETE FROM statement_activity_refs WHERE seq = old.seq AND activity = (SELECT id FROM statement_activity_iris WHERE iri = old.activity_id);
  DELETE FROM statement_activity_iris WHERE iri = old.activity_id
    AND NOT EXISTS (SELECT 1 FROM statement_activity_refs r WHERE r.activity = statement_activity_iris.id);
END;

-- Indexes only for the queries that are made. Statistics read few rows (one visit start per visit, one end per
-- scenario), so their indexes hold only those rows; a StatementRef is rare, so is its index.
DROP INDEX statements_kind_visit;
DROP INDEX statements_kind_area;
DROP INDEX statements_ref;
CREATE INDEX statements_visit_starts ON statements (platform, visit_id) WHERE kind = 'visit-start';
CREATE INDEX statements_scenario_ends ON statements (area, platform) WHERE kind = 'scenario-end';
CREATE INDEX statements_ref ON statements (object_statement_id) WHERE object_statement_id IS NOT NULL;
