-- On a hub, the district a park's xAPI client's statements count in (`npm run admin -- client add … --district` or
-- `client set-district`): the hub's statistics take a statement's district from the client that sent it
-- (statements.client_id), never from what the statement claims. NULL: in no district. A 6-digit administrative
-- division code. Statements stored before a district is set count there once the statistics are counted again, which
-- setting it starts (src/xapi/clients.ts).
ALTER TABLE xapi_clients ADD COLUMN district TEXT CHECK (district IS NULL OR (length(district) = 6 AND district NOT GLOB '*[^0-9]*'));

-- How many times the statistics were counted again from the first statement (statistics/recount.ts). A re-count ends
-- at the same cursor it started from, so whatever was read at that cursor before (a report kept by the dashboard
-- route) must also know the re-count happened.
ALTER TABLE stat_cursor ADD COLUMN recounts INTEGER NOT NULL DEFAULT 0;
