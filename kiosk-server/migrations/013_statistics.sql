-- Statistics kept as statements arrive (packages/statistics). A follower reads the statements after `stat_cursor` in
-- store order, writes each Ruyi statement's facts to `statement_facts` and adds what it contributes to the cubes
-- `stat_*`, in one transaction with the cursor, so a crash never counts a statement twice or not at all. Statements
-- stored before this migration are counted the same way: the cursor starts at 0 (the backfill).
--
-- Every cube's key starts with the day (the park's calendar day), so a period is a range of its primary key; a scope
-- (park, district, school) filters within it. Dimension values are '' for none (a key must equal itself; NULL does
-- not). Scores are ten-thousandths, so sums are exact.

CREATE TABLE statement_facts (
  seq            INTEGER PRIMARY KEY,      -- the statement's (statements.seq)
  at             TEXT NOT NULL,            -- when it happened: its timestamp, never after stored (ISO 8601)
  kind           TEXT NOT NULL,            -- visit-start, visit-end, scenario-start, scenario-end, step-end, item
  visit_id       TEXT NOT NULL,
  run_id         TEXT,
  park           TEXT,                     -- the park's code (its IRI's last segment)
  district       TEXT,
  school         TEXT,
  class_session  TEXT,
  device         TEXT,
  platform       TEXT NOT NULL,
  locale         TEXT NOT NULL,
  pack_id        TEXT,
  pack_version   TEXT,
  scenario_id    TEXT,
  area           TEXT,
  step_id        TEXT,
  item_type      TEXT,                     -- the mechanic's record type: answer, hazard-found, decision, ...
  item           TEXT,                     -- question, hazard, decision node, ...
  choice         TEXT,                     -- the response as xAPI has it (choices joined by [,])
  correct        INTEGER,                  -- 1 right (safe, found), 0 wrong, NULL not judged
  score_scaled   REAL,
  passed         INTEGER,
  duration_ms    INTEGER
) STRICT;
CREATE INDEX statement_facts_visit ON statement_facts (visit_id);

CREATE TABLE stat_cursor (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL                    -- the last statement rolled up
) STRICT;
INSERT INTO stat_cursor (id, seq) VALUES (1, 0);

-- A visit's first completed play of each scenario, until the visit ends (then its rows go).
CREATE TABLE stat_replay_memory (
  visit_id     TEXT NOT NULL,
  scenario     TEXT NOT NULL,
  score_units  INTEGER NOT NULL,
  passed       INTEGER NOT NULL,
  paired       INTEGER NOT NULL,
  PRIMARY KEY (visit_id, scenario)
) STRICT, WITHOUT ROWID;

CREATE TABLE stat_days (
  day             TEXT NOT NULL,
  park            TEXT NOT NULL,
  district        TEXT NOT NULL,
  school          TEXT NOT NULL,
  class_session   TEXT NOT NULL,
  visits          INTEGER NOT NULL DEFAULT 0,
  runs            INTEGER NOT NULL DEFAULT 0,
  completed       INTEGER NOT NULL DEFAULT 0,
  passed          INTEGER NOT NULL DEFAULT 0,
  score_sum       INTEGER NOT NULL DEFAULT 0,
  scored          INTEGER NOT NULL DEFAULT 0,
  duration_sum    INTEGER NOT NULL DEFAULT 0,
  timed           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, class_session)
) STRICT, WITHOUT ROWID;

CREATE TABLE stat_scenarios (
  day             TEXT NOT NULL,
  park            TEXT NOT NULL,
  district        TEXT NOT NULL,
  school          TEXT NOT NULL,
  area            TEXT NOT NULL,
  scenario        TEXT NOT NULL,
  runs            INTEGER NOT NULL DEFAULT 0,
  completed       INTEGER NOT NULL DEFAULT 0,
  passed          INTEGER NOT NULL DEFAULT 0,
  score_sum       INTEGER NOT NULL DEFAULT 0,
  scored          INTEGER NOT NULL DEFAULT 0,
  duration_sum    INTEGER NOT NULL DEFAULT 0,
  timed           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, area, scenario)
) STRICT, WITHOUT ROWID;

CREATE TABLE stat_platforms (
  day             TEXT NOT NULL,
  park            TEXT NOT NULL,
  district        TEXT NOT NULL,
  school          TEXT NOT NULL,
  platform        TEXT NOT NULL,
  locale          TEXT NOT NULL,
  visits          INTEGER NOT NULL DEFAULT 0,
  runs            INTEGER NOT NULL DEFAULT 0,
  completed       INTEGER NOT NULL DEFAULT 0,
  passed          INTEGER NOT NULL DEFAULT 0,
  score_sum       INTEGER NOT NULL DEFAULT 0,
  scored          INTEGER NOT NULL DEFAULT 0,
  duration_sum    INTEGER NOT NULL DEFAULT 0,
  timed           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, platform, locale)
) STRICT, WITHOUT ROWID;

CREATE TABLE stat_devices (
  day             TEXT NOT NULL,
  park            TEXT NOT NULL,
  district        TEXT NOT NULL,
  device          TEXT NOT NULL,
  platform        TEXT NOT NULL,
  visits          INTEGER NOT NULL DEFAULT 0,
  runs            INTEGER NOT NULL DEFAULT 0,
  completed       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, device, platform)
) STRICT, WITHOUT ROWID;

CREATE TABLE stat_items (
  day             TEXT NOT NULL,
  park            TEXT NOT NULL,
  district        TEXT NOT NULL,
  school          TEXT NOT NULL,
  scenario        TEXT NOT NULL,
  step            TEXT NOT NULL,
  item_type       TEXT NOT NULL,
  item            TEXT NOT NULL,
  choice          TEXT NOT NULL,
  correct         TEXT NOT NULL,
  n               INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, scenario, step, item_type, item, choice, correct)
) STRICT, WITHOUT ROWID;

CREATE TABLE stat_steps (
  day             TEXT NOT NULL,
  park            TEXT NOT NULL,
  district        TEXT NOT NULL,
  school          TEXT NOT NULL,
  scenario        TEXT NOT NULL,
  step            TEXT NOT NULL,
  ended           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, scenario, step)
) STRICT, WITHOUT ROWID;

CREATE TABLE stat_replays (
  day             TEXT NOT NULL,
  park            TEXT NOT NULL,
  district        TEXT NOT NULL,
  school          TEXT NOT NULL,
  scenario        TEXT NOT NULL,
  pairs           INTEGER NOT NULL DEFAULT 0,
  first_score_sum INTEGER NOT NULL DEFAULT 0,
  second_score_sum INTEGER NOT NULL DEFAULT 0,
  first_passed    INTEGER NOT NULL DEFAULT 0,
  second_passed   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, scenario)
) STRICT, WITHOUT ROWID;
