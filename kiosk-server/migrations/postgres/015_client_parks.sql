-- The park a park's xAPI client's statements count in: the counterpart of the SQLite migration 019 (see there). NULL:
-- in no park.
ALTER TABLE xapi_clients ADD COLUMN park text CHECK (park ~ '^[a-z0-9][a-z0-9-]{0,62}$');
