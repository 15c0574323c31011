-- The park a park's xAPI client's statements count in (`npm run admin -- client add … --park` or `client set-park`):
-- a statement stored through a client is in that client's park, never the park its actor's homePage claims; NULL: in
-- no park. A park id as staff scopes name it (src/admin/scopes.ts): 1–63 of a-z, 0-9 and '-', not starting with '-'.
-- On a hub it also tells which district a park lies in (the client's district), for the staff scopes. Statements
-- stored before a park is set count there once the statistics are counted again, which setting it starts.
ALTER TABLE xapi_clients ADD COLUMN park TEXT CHECK (
  park IS NULL OR (length(park) BETWEEN 1 AND 63 AND park NOT GLOB '*[^a-z0-9-]*' AND substr(park, 1, 1) <> '-')
);
