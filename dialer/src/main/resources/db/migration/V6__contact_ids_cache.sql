-- Each session takes contact ids a thousand at a time and hands them out from memory: a COPY of a million
-- contacts then spends about 0.2 s less on its ids (one shared sequence page locked, and logged every 32
-- ids, for each row otherwise). Ids stay unique and increase within a session, so a list's contacts still
-- follow its lines; ids a session took but did not use are skipped.
ALTER SEQUENCE contact_ids CACHE 1000;
