ALTER TABLE dnc_entries ADD COLUMN kind text NOT NULL DEFAULT 'number' CHECK (kind IN ('number','prefix'));
