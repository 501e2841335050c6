-- Cases (D1–D6): one financing matter of a client, moving through a pipeline, with an owner
-- (responsible), an executor (working on it now) and co-executors; stage history; applicants.

create table case_counters (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  year integer not null,
  last_number integer not null default 0,
  primary key (tenant_id, year)
);

create table cases (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  number text not null,
  client_id uuid not null,
  product_kind text not null check (product_kind in
    ('mortgage', 'follow_up_financing', 'consumer_loan', 'insurance', 'investment', 'leasing', 'other')),
  amount_minor bigint check (amount_minor >= 0),
  currency text check (currency ~ '^[A-Z]{3}$'),
  term_months integer check (term_months between 1 and 600),
  purpose text not null default '',
  lender text,
  product text,
  property_value_minor bigint check (property_value_minor >= 0),
  platform_reference text,
  pipeline_id uuid not null,
  stage_key text not null,
  stage_values jsonb not null default '{}',
  stage_changed_at timestamptz not null default now(),
  loss_reason text,
  closed_at timestamptz,
  owner_id uuid not null,
  executor_id uuid not null,
  custom jsonb not null default '{}',
  search_text text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, client_id) references clients (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, pipeline_id, stage_key) references pipeline_stages (tenant_id, pipeline_id, key)
    on update cascade deferrable initially immediate,
  foreign key (tenant_id, owner_id) references users (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, executor_id) references users (tenant_id, id) deferrable initially immediate,
  check ((amount_minor is null) = (currency is null))
);
create index cases_client on cases (tenant_id, client_id) where deleted_at is null;
create index cases_owner on cases (tenant_id, owner_id, created_at desc, id) where deleted_at is null;
create index cases_executor on cases (tenant_id, executor_id, created_at desc, id) where deleted_at is null;
create index cases_board on cases (tenant_id, pipeline_id, stage_key, stage_changed_at desc) where deleted_at is null;
create index cases_created on cases (tenant_id, created_at desc, id) where deleted_at is null;
create index cases_platform_reference on cases (tenant_id, platform_reference) where platform_reference is not null;
create index cases_search on cases using gin (search_text gin_trgm_ops);

-- The clients a case is for, with their role; the case's client_id is the main applicant.
create table case_applicants (
  tenant_id uuid not null,
  case_id uuid not null,
  client_id uuid not null,
  role text not null check (role in ('applicant', 'co_applicant', 'guarantor', 'employer', 'representative')),
  position integer not null default 0,
  primary key (tenant_id, case_id, client_id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate
);
create index case_applicants_client on case_applicants (tenant_id, client_id);

create table case_co_executors (
  tenant_id uuid not null,
  case_id uuid not null,
  user_id uuid not null,
  primary key (tenant_id, case_id, user_id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade deferrable initially immediate
);
create index case_co_executors_user on case_co_executors (tenant_id, user_id);

create table case_stage_history (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  from_key text,
  to_key text not null,
  loss_reason text,
  moved_at timestamptz not null default now(),
  moved_by uuid,
  on_behalf_of uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade deferrable initially immediate
);
create index case_stage_history_case on case_stage_history (tenant_id, case_id, moved_at);

do $$
declare t text;
begin
  foreach t in array array['case_counters', 'cases', 'case_applicants', 'case_co_executors', 'case_stage_history']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (kontor_is_system() or tenant_id = kontor_current_tenant()) with check (kontor_is_system() or tenant_id = kontor_current_tenant())', t);
  end loop;
end
$$;
