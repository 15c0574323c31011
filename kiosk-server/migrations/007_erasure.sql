-- Statements can now be deleted for good (`npm run admin -- erase`, RUYI_RETENTION_DAYS). Two things depended on
-- "never deleted":
-- 1. The forwarder's backlog is counted as max(seq) - cursor (a COUNT(*) over a million-row backlog blocked the server
--    for seconds). Every deleted seq is remembered here, so the count subtracts the gaps: a few bytes per statement.
CREATE TABLE statements_deleted (
  seq INTEGER PRIMARY KEY                        -- statements.seq of a deleted statement; AUTOINCREMENT never reuses it
) STRICT;

CREATE TRIGGER statements_deleted_record AFTER DELETE ON statements
BEGIN
  INSERT OR IGNORE INTO statements_deleted (seq) VALUES (old.seq);
END;

-- 2. The side tables were only ever looked up by agent or activity: deleting a statement's rows by seq needs these.
CREATE INDEX statement_agents_seq ON statement_agents (seq);
CREATE INDEX statement_activities_seq ON statement_activities (seq);
