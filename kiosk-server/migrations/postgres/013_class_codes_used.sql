-- Every join code a school's classes have been given, kept for good: the counterpart of the SQLite migration 017
-- (see there). No personal data: a school code and a code.
CREATE TABLE class_codes_used (
  school  text COLLATE "C" NOT NULL,
  code    text COLLATE "C" NOT NULL,                -- upper case, as class_sessions.code
  PRIMARY KEY (school, code)
);

-- The classes still here, and those already deleted whose code is knowable from the statements rolled up so far.
INSERT INTO class_codes_used (school, code) SELECT school, code FROM class_sessions ON CONFLICT DO NOTHING;
INSERT INTO class_codes_used (school, code)
  SELECT DISTINCT split_part(class_session, '/', 1), substr(class_session, strpos(class_session, '/') + 1)
  FROM statement_facts
  WHERE class_session IS NOT NULL AND strpos(class_session, '/') > 1
  ON CONFLICT DO NOTHING;
