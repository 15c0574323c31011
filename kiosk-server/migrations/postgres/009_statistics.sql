-- Statistics kept as statements arrive (packages/statistics). A follower reads the statements after `stat_cursor` in
-- store order, writes each Ruyi statement's facts to `statement_facts` and adds what it contributes to the cubes
-- `stat_*`, in one transaction with the cursor, so a crash never counts a statement twice or not at all. Statements
-- stored before this migration are counted the same way: the cursor starts at 0 (the backfill).
--
-- Every cube's key starts with the day (the park's calendar day), so a period is a range of its primary key; a scope
-- (park, district, school) filters within it. Dimension values are '' for none (a key must equal itself; NULL does
-- not). Scores are ten-thousandths, so sums are exact.

CREATE TABLE statement_facts (
  seq            bigint PRIMARY KEY,       -- the statement's (statements.seq)
  at             timestamptz NOT NULL,     -- when it happened: its timestamp, never after stored
  kind           text NOT NULL,            -- visit-start, visit-end, scenario-start, scenario-end, step-end, item
  visit_id       text NOT NULL,
  run_id         text,
  park           text,                     -- the park's code (its IRI's last segment)
  district       text,
  school         text,
  class_session  text,
  device         text,
  platform       text NOT NULL,
  locale         text NOT NULL,
  pack_id        text,
  pack_version   text,
  scenario_id    text,
  area           text,
  step_id        text,
  item_type      text,                     -- the mechanic's record type: answer, hazard-found, decision, ...
  item           text,                     -- question, hazard, decision node, ...
  choice         text,                     -- the response as xAPI has it (choices joined by [,])
  correct        boolean,                  -- right (safe, found), wrong, NULL not judged
  score_scaled   double precision,
  passed         boolean,
  duration_ms    bigint
);
CREATE INDEX statement_facts_visit ON statement_facts (visit_id);

CREATE TABLE stat_cursor (
  id   integer PRIMARY KEY CHECK (id = 1),
  seq  bigint NOT NULL                     -- the last statement rolled up
);
INSERT INTO stat_cursor (id, seq) VALUES (1, 0);

-- A visit's first completed play of each scenario, until the visit ends (then its rows go).
CREATE TABLE stat_replay_memory (
  visit_id     text NOT NULL,
  scenario     text NOT NULL,
  score_units  integer NOT NULL,
  passed       boolean NOT NULL,
  paired       boolean NOT NULL,
  PRIMARY KEY (visit_id, scenario)
);

CREATE TABLE stat_days (
  day             text COLLATE "C" NOT NULL,
  park            text COLLATE "C" NOT NULL,
  district        text COLLATE "C" NOT NULL,
  school          text COLLATE "C" NOT NULL,
  class_session   text COLLATE "C" NOT NULL,
  visits          bigint NOT NULL DEFAULT 0,
  runs            bigint NOT NULL DEFAULT 0,
  completed       bigint NOT NULL DEFAULT 0,
  passed          bigint NOT NULL DEFAULT 0,
  score_sum       bigint NOT NULL DEFAULT 0,
  scored          bigint NOT NULL DEFAULT 0,
  duration_sum    bigint NOT NULL DEFAULT 0,
  timed           bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, class_session)
);

CREATE TABLE stat_scenarios (
  day             text COLLATE "C" NOT NULL,
  park            text COLLATE "C" NOT NULL,
  district        text COLLATE "C" NOT NULL,
  school          text COLLATE "C" NOT NULL,
  area            text COLLATE "C" NOT NULL,
  scenario        text COLLATE "C" NOT NULL,
  runs            bigint NOT NULL DEFAULT 0,
  completed       bigint NOT NULL DEFAULT 0,
  passed          bigint NOT NULL DEFAULT 0,
  score_sum       bigint NOT NULL DEFAULT 0,
  scored          bigint NOT NULL DEFAULT 0,
  duration_sum    bigint NOT NULL DEFAULT 0,
  timed           bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, area, scenario)
);

CREATE TABLE stat_platforms (
  day             text COLLATE "C" NOT NULL,
  park            text COLLATE "C" NOT NULL,
  district        text COLLATE "C" NOT NULL,
  school          text COLLATE "C" NOT NULL,
  platform        text COLLATE "C" NOT NULL,
  locale          text COLLATE "C" NOT NULL,
  visits          bigint NOT NULL DEFAULT 0,
  runs            bigint NOT NULL DEFAULT 0,
  completed       bigint NOT NULL DEFAULT 0,
  passed          bigint NOT NULL DEFAULT 0,
  score_sum       bigint NOT NULL DEFAULT 0,
  scored          bigint NOT NULL DEFAULT 0,
  duration_sum    bigint NOT NULL DEFAULT 0,
  timed           bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, platform, locale)
);

CREATE TABLE stat_devices (
  day             text COLLATE "C" NOT NULL,
  park            text COLLATE "C" NOT NULL,
  district        text COLLATE "C" NOT NULL,
  device          text COLLATE "C" NOT NULL,
  platform        text COLLATE "C" NOT NULL,
  visits          bigint NOT NULL DEFAULT 0,
  runs            bigint NOT NULL DEFAULT 0,
  completed       bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, device, platform)
);

CREATE TABLE stat_items (
  day             text COLLATE "C" NOT NULL,
  park            text COLLATE "C" NOT NULL,
  district        text COLLATE "C" NOT NULL,
  school          text COLLATE "C" NOT NULL,
  scenario        text COLLATE "C" NOT NULL,
  step            text COLLATE "C" NOT NULL,
  item_type       text COLLATE "C" NOT NULL,
  item            text COLLATE "C" NOT NULL,
  choice          text COLLATE "C" NOT NULL,
  correct         text COLLATE "C" NOT NULL,
  n               bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, scenario, step, item_type, item, choice, correct)
);

CREATE TABLE stat_steps (
  day             text COLLATE "C" NOT NULL,
  park            text COLLATE "C" NOT NULL,
  district        text COLLATE "C" NOT NULL,
  school          text COLLATE "C" NOT NULL,
  scenario        text COLLATE "C" NOT NULL,
  step            text COLLATE "C" NOT NULL,
  ended           bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, scenario, step)
);

CREATE TABLE stat_replays (
  day             text COLLATE "C" NOT NULL,
  park            text COLLATE "C" NOT NULL,
  district        text COLLATE "C" NOT NULL,
  school          text COLLATE "C" NOT NULL,
  scenario        text COLLATE "C" NOT NULL,
  pairs           bigint NOT NULL DEFAULT 0,
  first_score_sum bigint NOT NULL DEFAULT 0,
  second_score_sum bigint NOT NULL DEFAULT 0,
  first_passed    bigint NOT NULL DEFAULT 0,
  second_passed   bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, park, district, school, scenario)
);
