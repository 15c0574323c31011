-- A scenario end is judged against its run's own statements (records/admission.ts): they are looked up by run, for
-- every batch that carries a run's statements. Only Ruyi's statements about a loaded pack have a run.
CREATE INDEX statements_run ON statements (run_id, client_id, seq) WHERE run_id IS NOT NULL;
