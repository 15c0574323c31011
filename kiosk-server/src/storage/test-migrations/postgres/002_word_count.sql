ALTER TABLE notes ADD COLUMN word_count integer;
