-- The fleet: the counterpart of the SQLite migration 008. The latest heartbeat of each device on a server's LAN and,
-- on a hub, of each park's server; one row each, replaced by each heartbeat; nothing about visitors.
CREATE TABLE fleet_devices (
  -- 'enrolled:<devices.id>' for a device that sent its token, else 'address:<the device's own id>@<address>'.
  key          text COLLATE "C" PRIMARY KEY,
  binding      text NOT NULL CHECK (binding IN ('enrolled', 'address')),
  device_id    text NOT NULL,                       -- the device's own id as it reports it
  enrolled_id  text,                                -- devices.id, for binding 'enrolled'
  address      text NOT NULL,                       -- the client address of the latest heartbeat
  received_at  timestamptz NOT NULL,                -- the server's clock
  heartbeat    text NOT NULL                        -- JSON, the DeviceHeartbeat as validated (returned as sent)
);

CREATE INDEX fleet_devices_received ON fleet_devices (received_at);

-- On a hub: the latest heartbeat of each kiosk-server, keyed by the xAPI client it authenticated as.
CREATE TABLE fleet_servers (
  client       text COLLATE "C" PRIMARY KEY,        -- xapi_clients.name
  address      text NOT NULL,
  received_at  timestamptz NOT NULL,
  heartbeat    text NOT NULL                        -- JSON, the ServerHeartbeat as validated
);
