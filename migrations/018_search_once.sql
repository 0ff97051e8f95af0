-- A searched list's page and its count are two statements of one transaction, and each ran
-- patients_matching: the trigram index was searched twice per request (at a million patients,
-- 5-10 ms each). The function now keeps its last answer for the rest of its transaction, in
-- transaction-local settings keyed by the pattern and the caller's context, and the second
-- statement reads it back. One answer is kept (a FHIR search naming several patterns searches
-- again as before), and only up to 50,000 ids; a broader match is searched again. The
-- settings end with the transaction: a later transaction always searches afresh.
--
-- The rows it may answer are still decided here, as before: the caller's visibility from the
-- same context the policies read, and the key holds that context, so a kept answer is never
-- read back under another. The statements around it apply the policies as well.
create or replace function patients_matching(pattern text) returns setof integer
language plpgsql volatile security definer set search_path = public, pg_temp as $$
declare
  key text := md5(app_is_admin()::text || '|' || app_read_keys()::text || '|' || pattern);
  ids integer[];
begin
  if current_setting('app.matched_key', true) = key then
    return query select unnest(current_setting('app.matched_ids')::integer[]);
    return;
  end if;
  select coalesce(array_agg(id), '{}') into ids from patients
  where (app_is_admin() or scope_key = any (app_read_keys()))
    and (lower(name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, ''))
      like pattern;
  if cardinality(ids) <= 50000 then
    perform set_config('app.matched_ids', ids::text, true);
    perform set_config('app.matched_key', key, true);
  end if;
  return query select unnest(ids);
end
$$;
