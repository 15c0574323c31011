-- Every join code a school's classes have been given, kept for good (no personal data: a school code and a code).
-- Retention deletes old classes, but statements that carried `<school>/<code>` may outlive them; a new class of the
-- same school given that code again would count them as its own. The class store draws a code by inserting it here
-- first (src/classes/store.ts), so a code is never drawn twice for a school, and retention adds the codes of the
-- classes it deletes (src/privacy/classes.ts).
CREATE TABLE class_codes_used (
  school  TEXT NOT NULL,
  code    TEXT NOT NULL,                            -- upper case, as class_sessions.code
  PRIMARY KEY (school, code)
) STRICT, WITHOUT ROWID;

-- The classes still here, and those already deleted whose code is knowable: the class codes of the statements rolled
-- up so far (statement_facts.class_session, `<school>/<code>`). A deleted class whose statements are gone too (or not
-- rolled up yet) is not knowable; no statement of it can count under a new class then, bar one still unrolled.
INSERT OR IGNORE INTO class_codes_used (school, code) SELECT school, code FROM class_sessions;
INSERT OR IGNORE INTO class_codes_used (school, code)
  SELECT DISTINCT substr(class_session, 1, instr(class_session, '/') - 1), substr(class_session, instr(class_session, '/') + 1)
  FROM statement_facts
  WHERE class_session IS NOT NULL AND instr(class_session, '/') > 1;
