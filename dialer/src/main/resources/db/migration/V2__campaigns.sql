-- Campaign names are unique whatever their case, as people read them.
-- The settings column holds the campaign's dialling rules exactly as the API writes them
-- (camelCase fields, every default filled in): see dialer.campaign.CampaignInput.
ALTER TABLE campaigns DROP CONSTRAINT campaigns_name_key;
CREATE UNIQUE INDEX campaigns_name_key ON campaigns (lower(name));
