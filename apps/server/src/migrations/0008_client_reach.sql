-- Who reaches a client through a live case: the owner, executor and co-executors of every live
-- case the client is the main client or an applicant of (the "own" scope of clients, B/D). Kept by
-- the triggers below on every change of cases, applicants and co-executors; read by the client
-- scope (cases/case-scope.ts) as one index probe per client instead of gathering every case of a
-- team per query. Derived data: backups leave it out, a restore rebuilds it through the triggers.

create table client_reach (
  tenant_id uuid not null,
  client_id uuid not null,
  user_id uuid not null,
  primary key (tenant_id, client_id, user_id),
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate
);
create index client_reach_user on client_reach (tenant_id, user_id, client_id);

alter table client_reach enable row level security;
alter table client_reach force row level security;
create policy tenant_isolation on client_reach
  using (kontor_is_system() or tenant_id = kontor_current_tenant())
  with check (kontor_is_system() or tenant_id = kontor_current_tenant());

-- What client_reach must hold, computed from the cases (the seed of the bench fills the table from
-- it; the tests compare the table with it).
create view client_reach_expected with (security_invoker = true) as
  with live as (
    select tenant_id, id, client_id, owner_id, executor_id from cases where deleted_at is null
  ), clients_of as (
    select tenant_id, id as case_id, client_id from live
    union
    select ca.tenant_id, ca.case_id, ca.client_id from case_applicants ca
      join live on live.tenant_id = ca.tenant_id and live.id = ca.case_id
  ), people as (
    select tenant_id, id as case_id, owner_id as user_id from live
    union
    select tenant_id, id, executor_id from live
    union
    select cx.tenant_id, cx.case_id, cx.user_id from case_co_executors cx
      join live on live.tenant_id = cx.tenant_id and live.id = cx.case_id
  )
  select distinct co.tenant_id, co.client_id, p.user_id
  from clients_of co join people p on p.tenant_id = co.tenant_id and p.case_id = co.case_id;

-- Recomputes the rows of one client from its live cases.
create function kontor_refresh_reach(p_tenant uuid, p_client uuid) returns void language plpgsql as $$
begin
  delete from client_reach where tenant_id = p_tenant and client_id = p_client;
  insert into client_reach (tenant_id, client_id, user_id)
  select distinct p_tenant, p_client, p.user_id
  from (
    select c.id from cases c
      where c.tenant_id = p_tenant and c.client_id = p_client and c.deleted_at is null
    union
    select ca.case_id from case_applicants ca
      join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
      where ca.tenant_id = p_tenant and ca.client_id = p_client and c.deleted_at is null
  ) k
  join cases c on c.tenant_id = p_tenant and c.id = k.id
  cross join lateral (
    select c.owner_id
    union
    select c.executor_id
    union
    select cx.user_id from case_co_executors cx where cx.tenant_id = p_tenant and cx.case_id = c.id
  ) p(user_id)
  -- a client purged in the same statement has no rows to keep
  where exists (select 1 from clients cl where cl.tenant_id = p_tenant and cl.id = p_client);
end
$$;

-- Refreshes every client of one case: its main client (before and after a change) and applicants.
create function kontor_refresh_case_reach(p_tenant uuid, p_case uuid, p_clients uuid[]) returns void
language plpgsql as $$
declare
  c uuid;
begin
  for c in
    select distinct x from unnest(p_clients) x where x is not null
    union
    select ca.client_id from case_applicants ca where ca.tenant_id = p_tenant and ca.case_id = p_case
  loop
    perform kontor_refresh_reach(p_tenant, c);
  end loop;
end
$$;

create function kontor_cases_reach() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform kontor_refresh_case_reach(new.tenant_id, new.id, array[new.client_id]);
  elsif tg_op = 'DELETE' then
    perform kontor_refresh_case_reach(old.tenant_id, old.id, array[old.client_id]);
  else
    perform kontor_refresh_case_reach(new.tenant_id, new.id, array[old.client_id, new.client_id]);
  end if;
  return null;
end
$$;
create trigger cases_reach after insert or delete or update of client_id, owner_id, executor_id, deleted_at
  on cases for each row execute function kontor_cases_reach();

create function kontor_applicants_reach() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform kontor_refresh_reach(old.tenant_id, old.client_id);
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    perform kontor_refresh_reach(new.tenant_id, new.client_id);
  end if;
  return null;
end
$$;
create trigger case_applicants_reach after insert or delete or update on case_applicants
  for each row execute function kontor_applicants_reach();

create function kontor_co_executors_reach() returns trigger language plpgsql as $$
declare
  r record;
begin
  if tg_op = 'DELETE' then r := old; else r := new; end if;
  perform kontor_refresh_case_reach(r.tenant_id, r.case_id,
    array(select client_id from cases where tenant_id = r.tenant_id and id = r.case_id));
  if tg_op = 'UPDATE' and old.case_id <> new.case_id then
    perform kontor_refresh_case_reach(old.tenant_id, old.case_id,
      array(select client_id from cases where tenant_id = old.tenant_id and id = old.case_id));
  end if;
  return null;
end
$$;
create trigger case_co_executors_reach after insert or delete or update on case_co_executors
  for each row execute function kontor_co_executors_reach();

-- Cases that exist already (a database migrated with data); this transaction sees every tenant.
select set_config('kontor.system', 'on', true);
insert into client_reach (tenant_id, client_id, user_id)
select tenant_id, client_id, user_id from client_reach_expected;
