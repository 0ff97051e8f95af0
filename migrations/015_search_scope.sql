-- Substring search on patients looks in the caller's own patients first: for everyone but an
-- admin, the scope's index narrows the rows and the pattern is checked on those, or the
-- trigram index is used, whichever the planner finds cheaper for the caller's scope. The
-- function of 009 asked "admin, or in the scope" in one predicate, which the planner cannot
-- split: every search read the trigram matches of all patients, then kept the caller's.
create or replace function patients_matching(pattern text) returns setof integer
language plpgsql stable security definer set search_path = public, pg_temp as $$
begin
  if app_is_admin() then
    return query
      select id from patients
      where (lower(name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, ''))
        like pattern;
  else
    return query
      select id from patients
      where scope_key = any (app_read_keys())
        and (lower(name) || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone, ''))
          like pattern;
  end if;
end
$$;
