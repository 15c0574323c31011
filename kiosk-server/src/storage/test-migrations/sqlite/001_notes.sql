CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  body       TEXT NOT NULL
) STRICT;
INSERT INTO notes (body) VALUES ('{"words":["fire","exit"]}'), ('{"words":[]}'), ('{"words":["stairs"]}');
