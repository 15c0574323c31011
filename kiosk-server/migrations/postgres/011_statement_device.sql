-- Two more of a statement's statistics facts, established when it is stored and written on its row by the store:
-- the device that posted it as the server knew it (for a statement a park forwarded, the park's code and the device
-- the statement names) and the version of the loaded pack admission checked it against. Statements stored before
-- keep NULL. Added on the partitioned parent, so every month's partition has them.
ALTER TABLE statements ADD COLUMN device text, ADD COLUMN pack_version text;
