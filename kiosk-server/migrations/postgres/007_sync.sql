-- A hub's sync page lists each park's client with its last delivery and the statements it delivered (sync/deliveries.ts):
-- grouped by client_id, which this index answers without reading the statements' bodies (an index-only scan; the
-- newest `stored` per client is the index's last entry in each partition).
CREATE INDEX statements_client ON statements (client_id, stored) WHERE client_id IS NOT NULL;
