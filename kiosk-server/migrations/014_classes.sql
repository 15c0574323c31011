-- 平安校园 class visits (src/classes/). A teacher opens a class: a 6-character join code, unique for good on this
-- server (a code in old statements' class-code extension never names a newer class). Students' devices join it and get
-- a seat (1, 2, … in join order) and a random seat token, kept here by its SHA-256 only; the token authenticates the
-- visit's statement POSTs and is what lets them carry the class code. No names: a class is a grade and a label, a
-- student a seat number.
CREATE TABLE class_sessions (
  id          TEXT PRIMARY KEY,                     -- random UUID
  code        TEXT NOT NULL UNIQUE,                 -- the join code, upper case
  school      TEXT NOT NULL,                        -- the teacher's school code (their scope)
  grade       INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  label       TEXT NOT NULL,                        -- the class within its grade, e.g. '3班'
  teacher_id  INTEGER NOT NULL,                     -- staff_accounts.id of the teacher who opened it
  opened_at   TEXT NOT NULL,                        -- ISO 8601
  closes_at   TEXT NOT NULL,                        -- ISO 8601, the planned end: seated visits count until then
  closed_at   TEXT,                                 -- set when the teacher closed it early (no new joins)
  joined      INTEGER NOT NULL DEFAULT 0            -- seats handed out (the last seat's number)
) STRICT;
CREATE INDEX class_sessions_school ON class_sessions (school, opened_at);
CREATE INDEX class_sessions_teacher ON class_sessions (teacher_id, opened_at);

CREATE TABLE class_seats (
  class_id     TEXT NOT NULL REFERENCES class_sessions (id) ON DELETE CASCADE,
  seat         INTEGER NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,                -- hex SHA-256 of the seat token
  platform     TEXT NOT NULL CHECK (platform IN ('kiosk', 'vr', 'web')),
  joined_at    TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  PRIMARY KEY (class_id, seat)
) STRICT, WITHOUT ROWID;

-- Which visit played at which seat: noted when a seat's token posts the visit's statements.
CREATE TABLE class_seat_visits (
  class_id  TEXT NOT NULL,
  visit_id  TEXT NOT NULL,                          -- lower case, as statements.visit_id
  seat      INTEGER NOT NULL,
  PRIMARY KEY (class_id, visit_id),
  FOREIGN KEY (class_id, seat) REFERENCES class_seats (class_id, seat) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Completion certificates: what the certificate shows, fixed when it was issued from the stored statements. The
-- visit is kept only as a SHA-256 (one certificate per visit and scenario), so a certificate leads to no visit.
CREATE TABLE certificates (
  id            TEXT PRIMARY KEY,                   -- random, URL-safe: the QR code's path
  visit_hash    TEXT NOT NULL,                      -- hex SHA-256 of the visit id
  scenario      TEXT NOT NULL,                      -- pack/scenario
  completed_on  TEXT NOT NULL,                      -- YYYY-MM-DD, the park's calendar
  park          TEXT NOT NULL,
  school        TEXT,
  grade         INTEGER,
  label         TEXT,
  passed        INTEGER NOT NULL,
  score         REAL,
  created_at    TEXT NOT NULL,
  UNIQUE (visit_hash, scenario)
) STRICT;

-- A class's report reads its statements' facts only.
CREATE INDEX statement_facts_class ON statement_facts (class_session) WHERE class_session IS NOT NULL;
