-- The fleet: the latest heartbeat of each kiosk, VR station and school PC on this server's LAN, and (on a hub) of each
-- park's server. One row per device or server, replaced by each heartbeat; nothing about visitors.
CREATE TABLE fleet_devices (
  -- 'enrolled:<devices.id>' for a device that sent its token, else 'address:<the device's own id>@<address>': a
  -- heartbeat can only ever replace the row its credentials (or its address) bind it to.
  key          TEXT PRIMARY KEY,
  binding      TEXT NOT NULL CHECK (binding IN ('enrolled', 'address')),
  device_id    TEXT NOT NULL,                        -- the device's own id as it reports it
  enrolled_id  TEXT,                                -- devices.id, for binding 'enrolled'
  address      TEXT NOT NULL,                        -- the client address of the latest heartbeat
  received_at  TEXT NOT NULL,                        -- ISO 8601, the server's clock
  heartbeat    TEXT NOT NULL                         -- JSON, the DeviceHeartbeat as validated
) STRICT, WITHOUT ROWID;

CREATE INDEX fleet_devices_received ON fleet_devices (received_at);

-- On a hub: the latest heartbeat of each kiosk-server, keyed by the xAPI client it authenticated as.
CREATE TABLE fleet_servers (
  client       TEXT PRIMARY KEY,                     -- xapi_clients.name
  address      TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  heartbeat    TEXT NOT NULL                         -- JSON, the ServerHeartbeat as validated
) STRICT, WITHOUT ROWID;
