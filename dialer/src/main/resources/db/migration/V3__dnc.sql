ALTER TABLE dnc_entries ADD COLUMN kind text NOT NULL DEFAULT 'number' CHECK (kind IN ('number','prefix'));

-- Do-not-call entries block one number ('number': phone_e164 is the E.164 number) or every number that
-- starts with a prefix ('prefix': phone_e164 is the prefix itself, such as +7495), globally
-- (campaign_id NULL) or in one campaign.
ALTER TABLE dnc_entries ADD CONSTRAINT dnc_entries_phone_form CHECK (
    phone_e164 ~ '^\+[1-9][0-9]*$'
    AND length(phone_e164) <= CASE kind WHEN 'number' THEN 16 ELSE 15 END);

-- one entry per value and kind, globally and per campaign (a prefix may equal a number that is listed too)
DROP INDEX dnc_entries_global_key;
DROP INDEX dnc_entries_campaign_key;
CREATE UNIQUE INDEX dnc_entries_global_key ON dnc_entries (phone_e164, kind) WHERE campaign_id IS NULL;
CREATE UNIQUE INDEX dnc_entries_campaign_key ON dnc_entries (campaign_id, phone_e164, kind) WHERE campaign_id IS NOT NULL;

-- "is this number blocked for this campaign": phone_e164 = ANY(the number's prefixes), read from the index alone
CREATE INDEX dnc_entries_lookup ON dnc_entries (phone_e164) INCLUDE (campaign_id, kind);
