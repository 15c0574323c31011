-- On a hub, the district a park's xAPI client's statements count in: the counterpart of the SQLite migration 018
-- (see there). NULL: in no district.
ALTER TABLE xapi_clients ADD COLUMN district text CHECK (district ~ '^[0-9]{6}$');

-- How many times the statistics were counted again from the first statement: see the SQLite migration 018.
ALTER TABLE stat_cursor ADD COLUMN recounts bigint NOT NULL DEFAULT 0;
