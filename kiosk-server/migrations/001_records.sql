-- Every record a kiosk sends, one row each. `body` is the record exactly as received (JSON), so a later export
-- (e.g. to xAPI statements) can be rebuilt from it; the other columns are copies for querying.
CREATE TABLE records (
  id           TEXT PRIMARY KEY,          -- the record's UUID, made on the device: a resend is recognised
  type         TEXT NOT NULL,             -- visit-start, visit-end, scenario-start, hazard-found, decision, answer, scenario-end
  visit_id     TEXT NOT NULL,
  at           TEXT NOT NULL,             -- ISO 8601, the device's clock
  platform     TEXT NOT NULL,
  locale       TEXT NOT NULL,
  pack_id      TEXT,                      -- scenario records only
  scenario_id  TEXT,
  area         TEXT,                      -- the pack's area when stored (not sent by the client)
  run_id       TEXT,
  score_scaled REAL,                      -- scenario-end only
  passed       INTEGER,                   -- scenario-end only: 0 or 1
  body         TEXT NOT NULL,
  received_at  TEXT NOT NULL              -- ISO 8601, the server's clock
) STRICT;

-- Statistics: distinct visits with a visit-start; scenario-end counts and average score per area.
CREATE INDEX records_type_visit ON records (type, visit_id);
CREATE INDEX records_type_area_score ON records (type, area, score_scaled);
-- Looking up one visit's records (operator screen, exports).
CREATE INDEX records_visit_at ON records (visit_id, at);
