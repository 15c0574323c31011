-- Two more of a statement's statistics facts, established when it is stored and written on its row by the store:
-- the device that posted it as the server knew it (an enrolled device's id, 'local' for the server's own machine; for
-- a statement a park forwarded to a hub, the park's code and the device the statement names) and the version of the
-- loaded pack admission checked it against. Neither can be told afterwards for statements stored before: they stay
-- NULL (the statistics count them under no device and no version).
ALTER TABLE statements ADD COLUMN device TEXT;
ALTER TABLE statements ADD COLUMN pack_version TEXT;
