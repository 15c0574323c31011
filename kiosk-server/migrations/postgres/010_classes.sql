-- 平安校园 class visits, seats and completion certificates: the counterpart of the SQLite migration 014. Only the
-- SHA-256 of a seat token and of a certificate's visit id are kept; no names.
CREATE TABLE class_sessions (
  id          text COLLATE "C" PRIMARY KEY,         -- random UUID (text: a route's id is looked up as typed)
  code        text COLLATE "C" NOT NULL UNIQUE,     -- the join code, upper case; unique for good
  school      text NOT NULL,
  grade       integer NOT NULL CHECK (grade BETWEEN 1 AND 12),
  label       text NOT NULL,
  teacher_id  integer NOT NULL,                     -- staff_accounts.id of the teacher who opened it
  opened_at   timestamptz NOT NULL,
  closes_at   timestamptz NOT NULL,                 -- the planned end: seated visits count until then
  closed_at   timestamptz,                          -- set when the teacher closed it early (no new joins)
  joined      integer NOT NULL DEFAULT 0            -- seats handed out (the last seat's number)
);
CREATE INDEX class_sessions_school ON class_sessions (school, opened_at);
CREATE INDEX class_sessions_teacher ON class_sessions (teacher_id, opened_at);

CREATE TABLE class_seats (
  class_id     text COLLATE "C" NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  seat         integer NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  platform     text NOT NULL CHECK (platform IN ('kiosk', 'vr', 'web')),
  joined_at    timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (class_id, seat)
);

CREATE TABLE class_seat_visits (
  class_id  text COLLATE "C" NOT NULL,
  visit_id  text COLLATE "C" NOT NULL,
  seat      integer NOT NULL,
  PRIMARY KEY (class_id, visit_id),
  FOREIGN KEY (class_id, seat) REFERENCES class_seats (class_id, seat) ON DELETE CASCADE
);

CREATE TABLE certificates (
  id            text COLLATE "C" PRIMARY KEY,
  visit_hash    text NOT NULL,
  scenario      text NOT NULL,
  completed_on  text NOT NULL,                      -- YYYY-MM-DD, the park's calendar
  park          text NOT NULL,
  school        text,
  grade         integer,
  label         text,
  passed        boolean NOT NULL,
  score         double precision,
  created_at    timestamptz NOT NULL,
  UNIQUE (visit_hash, scenario)
);

CREATE INDEX statement_facts_class ON statement_facts (class_session) WHERE class_session IS NOT NULL;
