-- Foundation: tenants, organisation, users, roles, sessions, API keys, audit, trash, jobs.
-- Every business table carries tenant_id and every key starts with it (distributable by tenant).
-- Row-level security enforces the tenant of the transaction (kontor.tenant_id) on every table;
-- only platform code that works across tenants sets kontor.system.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'kontor_app') then
    create role kontor_app nologin;
  end if;
exception when duplicate_object or unique_violation then
  null; -- another database of the same server created it at the same moment
end
$$;

create function kontor_current_tenant() returns uuid language sql stable as $$
  select nullif(current_setting('kontor.tenant_id', true), '')::uuid
$$;

create function kontor_is_system() returns boolean language sql stable as $$
  select coalesce(current_setting('kontor.system', true), '') = 'on'
$$;

create table tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text not null check (length(name) between 1 and 200),
  locale text not null default 'de' check (locale in ('de', 'en', 'pl', 'ru')),
  settings jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table units (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  parent_id uuid,
  kind text not null check (kind in ('region', 'branch', 'team')),
  branch_kind text check (branch_kind in ('own', 'partner', 'franchise')),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, parent_id) references units (tenant_id, id) deferrable initially immediate,
  check ((kind = 'branch') = (branch_kind is not null))
);
create index units_parent on units (tenant_id, parent_id);

create table users (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  email text not null check (email = lower(email) and position('@' in email) > 1),
  display_name text not null,
  password_hash text not null,
  locale text not null default 'de' check (locale in ('de', 'en', 'pl', 'ru')),
  time_zone text not null default 'Europe/Berlin',
  unit_id uuid,
  status text not null default 'active' check (status in ('active', 'disabled')),
  failed_logins integer not null default 0,
  locked_until timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  totp_last_step bigint,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, unit_id) references units (tenant_id, id) deferrable initially immediate
);
create unique index users_email on users (tenant_id, email) where deleted_at is null;
create index users_unit on users (tenant_id, unit_id);

create table user_unit_history (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  unit_id uuid,
  valid_from timestamptz not null default now(),
  valid_to timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, unit_id) references units (tenant_id, id) on delete set null (unit_id) deferrable initially immediate
);
create index user_unit_history_user on user_unit_history (tenant_id, user_id, valid_from);

create table roles (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  key text,
  name text not null check (length(name) between 1 and 100),
  description text not null default '',
  builtin boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id)
);
create unique index roles_key on roles (tenant_id, key) where key is not null;
create unique index roles_name on roles (tenant_id, lower(name)) where deleted_at is null;

create table role_grants (
  tenant_id uuid not null,
  role_id uuid not null,
  module text not null,
  action text not null check (action in ('view', 'create', 'edit', 'delete', 'export', 'manage')),
  scope text not null check (scope in ('own', 'team', 'subtree', 'all')),
  primary key (tenant_id, role_id, module, action),
  foreign key (tenant_id, role_id) references roles (tenant_id, id) on delete cascade deferrable initially immediate
);

create table user_roles (
  tenant_id uuid not null,
  user_id uuid not null,
  role_id uuid not null,
  primary key (tenant_id, user_id, role_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, role_id) references roles (tenant_id, id) on delete cascade deferrable initially immediate
);
create index user_roles_role on user_roles (tenant_id, role_id);

create table substitutes (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  substitute_id uuid not null,
  starts_on date not null,
  ends_on date not null,
  note text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, substitute_id) references users (tenant_id, id) on delete cascade deferrable initially immediate,
  check (ends_on >= starts_on),
  check (user_id <> substitute_id)
);
create index substitutes_substitute on substitutes (tenant_id, substitute_id, starts_on);

create table sessions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  token_hash text not null unique,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade deferrable initially immediate
);
create index sessions_user on sessions (tenant_id, user_id);

create table recovery_codes (
  tenant_id uuid not null,
  user_id uuid not null,
  code_hash text not null,
  used_at timestamptz,
  primary key (tenant_id, user_id, code_hash),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade deferrable initially immediate
);

create table password_resets (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade deferrable initially immediate
);

create table api_keys (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  prefix text not null,
  secret_hash text not null,
  scopes text[],
  expires_at timestamptz,
  revoked_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade deferrable initially immediate
);

create table audit_log (
  tenant_id uuid not null,
  id bigint generated by default as identity,
  at timestamptz not null default now(),
  actor_user_id uuid,
  on_behalf_of_user_id uuid,
  api_key_id uuid,
  entity text not null,
  entity_id uuid,
  action text not null,
  before jsonb,
  after jsonb,
  request_id text,
  ip text,
  owner_user_id uuid,
  unit_id uuid,
  primary key (tenant_id, id)
);
create index audit_log_entity on audit_log (tenant_id, entity, entity_id, id);

create table trash (
  tenant_id uuid not null,
  id uuid not null,
  entity text not null,
  entity_id uuid not null,
  label text not null,
  deleted_at timestamptz not null default now(),
  deleted_by uuid,
  owner_user_id uuid,
  unit_id uuid,
  primary key (tenant_id, id)
);
create index trash_deleted on trash (tenant_id, deleted_at, id);

create table jobs (
  id bigint generated by default as identity primary key,
  tenant_id uuid references tenants (id) deferrable initially immediate,
  kind text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 8,
  locked_by text,
  locked_at timestamptz,
  last_error text,
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due on jobs (run_at, id) where status = 'queued';
create index jobs_running on jobs (locked_at) where status = 'running';
create index jobs_finished on jobs (finished_at) where status in ('done', 'failed');

do $$
declare t text;
begin
  foreach t in array array['units', 'users', 'user_unit_history', 'roles', 'role_grants', 'user_roles',
    'substitutes', 'sessions', 'recovery_codes', 'password_resets', 'api_keys', 'audit_log', 'trash', 'jobs']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (kontor_is_system() or tenant_id = kontor_current_tenant()) with check (kontor_is_system() or tenant_id = kontor_current_tenant())', t);
  end loop;
end
$$;

alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenant_isolation on tenants
  using (kontor_is_system() or id = kontor_current_tenant())
  with check (kontor_is_system() or id = kontor_current_tenant());
