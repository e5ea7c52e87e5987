-- Back to one contact id at a time (V6 cached a thousand per session). With a cache, a session could hand
-- out ids lower than those another session had already committed for the same campaign, and a client
-- paging through contacts by id (GET .../contacts?after=) would miss them. Imports into one campaign hold
-- its intake lock, so with no cache its contacts' ids grow in the order they were committed.
ALTER SEQUENCE contact_ids CACHE 1;
