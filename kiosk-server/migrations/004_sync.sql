-- The forwarder's progress (kiosk-server → hub or any xAPI LRS), per target address (RUYI_SYNC_URL): pointing a server
-- at a new target starts from the first statement again, which the target's idempotency makes safe.
-- Invariant: every statement with seq ≤ cursor was delivered to the target, or is in sync_quarantine for it.
CREATE TABLE sync_state (
  target              TEXT PRIMARY KEY,           -- the xAPI address, ending with '/'
  cursor              INTEGER NOT NULL DEFAULT 0, -- statements.seq
  last_success_at     TEXT,                       -- ISO 8601, this server's clock
  last_error_at       TEXT,
  last_error          TEXT,                       -- what failed, with the target's reason
  last_error_status   INTEGER,                    -- the target's HTTP status; null for a network failure
  stopped_at          TEXT,                       -- set: the target refused the credentials; nothing is sent until resumed
  stopped_reason      TEXT,
  stopped_credentials TEXT                        -- fingerprint of the refused credentials: new ones lift the stop at start
) STRICT;

-- Statements the target refused for good (400 invalid, 409 other content under the same id, 413 too large). They stay
-- in `statements`; the operator retries one (sent alone; delivered → the row goes) or discards it (never sent).
CREATE TABLE sync_quarantine (
  target         TEXT NOT NULL REFERENCES sync_state (target),
  seq            INTEGER NOT NULL REFERENCES statements (seq),
  statement_id   TEXT NOT NULL,
  status         INTEGER NOT NULL,                -- the target's HTTP status
  reason         TEXT NOT NULL,                   -- the target's reason, as given
  quarantined_at TEXT NOT NULL,                   -- ISO 8601, the latest refusal
  attempts       INTEGER NOT NULL DEFAULT 1,
  discarded_at   TEXT,                            -- set: the operator chose never to send it
  PRIMARY KEY (target, seq)
) STRICT, WITHOUT ROWID;
