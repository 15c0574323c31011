-- The forwarder's progress and refusals: the counterpart of the SQLite migration 004. A hub that forwards on (to
-- another LRS) uses them as a park's server does.
-- Invariant: every statement with seq <= cursor was delivered to the target, or is in sync_quarantine for it. The
-- backlog is the number of statements with seq > cursor (counted, never max(seq) - cursor: see 001_xapi.sql).
CREATE TABLE sync_state (
  target              text PRIMARY KEY,           -- the xAPI address, ending with '/'
  cursor              bigint NOT NULL DEFAULT 0,  -- statements.seq
  last_success_at     timestamptz,
  last_error_at       timestamptz,
  last_error          text,
  last_error_status   integer,                    -- the target's HTTP status; null for a network failure
  stopped_at          timestamptz,
  stopped_reason      text,
  stopped_credentials text
);

-- No foreign key to statements (partitioned, keyed by seq and stored): a quarantined statement whose month retention
-- drops can no longer be sent, so the PostgreSQL forwarder must remove its row when it finds the statement gone.
CREATE TABLE sync_quarantine (
  target         text NOT NULL REFERENCES sync_state (target),
  seq            bigint NOT NULL,
  statement_id   uuid NOT NULL,
  status         integer NOT NULL,
  reason         text NOT NULL,
  quarantined_at timestamptz NOT NULL,
  attempts       integer NOT NULL DEFAULT 1,
  discarded_at   timestamptz,
  PRIMARY KEY (target, seq)
);
