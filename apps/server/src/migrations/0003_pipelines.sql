-- Pipelines: per tenant and product kind, ordered stages with required fields and sub-statuses,
-- and the loss reasons a lost case names. The rules of a stage move live in packages/domain.

create table pipelines (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  product_kind text not null check (product_kind in
    ('mortgage', 'follow_up_financing', 'consumer_loan', 'insurance', 'investment', 'leasing', 'other')),
  control_mode text not null default 'strict' check (control_mode in ('strict', 'manual', 'none')),
  is_default boolean not null default false,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  -- a pipeline in the trash is never the default: deleting the default is refused
  check (not (is_default and deleted_at is not null))
);
create unique index pipelines_key on pipelines (tenant_id, key) where deleted_at is null;
-- New cases of a product kind start in its default pipeline: at most one per kind.
create unique index pipelines_default on pipelines (tenant_id, product_kind) where is_default and deleted_at is null;

-- Stages keep their id while a pipeline is edited (rows are matched by key), so cases may refer to
-- either (tenant_id, id) or (tenant_id, pipeline_id, key).
create table pipeline_stages (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  pipeline_id uuid not null,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  position integer not null,
  kind text not null check (kind in ('open', 'won', 'lost')),
  required_fields text[] not null default '{}',
  fields jsonb not null default '[]' check (jsonb_typeof(fields) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  unique (tenant_id, pipeline_id, key),
  foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id) on delete cascade deferrable initially immediate
);

create table loss_reasons (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  pipeline_id uuid not null,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  position integer not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  unique (tenant_id, pipeline_id, key),
  foreign key (tenant_id, pipeline_id) references pipelines (tenant_id, id) on delete cascade deferrable initially immediate
);

do $$
declare t text;
begin
  foreach t in array array['pipelines', 'pipeline_stages', 'loss_reasons']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (kontor_is_system() or tenant_id = kontor_current_tenant()) with check (kontor_is_system() or tenant_id = kontor_current_tenant())', t);
  end loop;
end
$$;
