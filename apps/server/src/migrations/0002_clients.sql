-- Clients (B1–B6, B9, B10): persons and companies with their contacts, relations, consents and
-- the custom fields a tenant defines. Every key starts with tenant_id; RLS as in 0001.

create extension if not exists pg_trgm;

create table clients (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('person', 'company')),
  client_type text not null default 'private' check (client_type in ('private', 'business', 'partner_referred')),
  status text not null default 'new' check (status in ('new', 'qualified', 'unqualified', 'regular', 'lost')),
  source text check (source in ('partner', 'hotline', 'website', 'portal', 'campaign', 'import')),
  owner_id uuid not null,
  salutation text,
  title text,
  first_name text,
  last_name text,
  company_name text,
  display_name text not null,
  birth_date date,
  tax_id text,
  iban text,
  register_number text,
  vat_id text,
  time_zone text not null default 'Europe/Berlin',
  tags text[] not null default '{}',
  custom jsonb not null default '{}',
  notes text not null default '',
  -- folded name, e-mails, phones, numbers: what the typeahead matches (trigram index below)
  search_text text not null default '',
  -- match keys of the name (folded, phonetic) for the duplicate check
  name_keys text[] not null default '{}',
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, owner_id) references users (tenant_id, id) deferrable initially immediate,
  check ((kind = 'person') = (last_name is not null)),
  check ((kind = 'company') = (company_name is not null))
);
create index clients_owner on clients (tenant_id, owner_id, created_at desc, id desc) where deleted_at is null;
create index clients_created on clients (tenant_id, created_at desc, id desc) where deleted_at is null;
create index clients_name on clients (tenant_id, display_name, id) where deleted_at is null;
create index clients_name_keys on clients using gin (name_keys);
create index clients_search on clients using gin (search_text gin_trgm_ops);
create index clients_tax_id on clients (tenant_id, tax_id) where tax_id is not null;
create index clients_iban on clients (tenant_id, iban) where iban is not null;

create table client_emails (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  address text not null check (address = lower(address)),
  label text not null default '',
  position integer not null default 0,
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate
);
create index client_emails_client on client_emails (tenant_id, client_id);
create index client_emails_address on client_emails (tenant_id, address);

create table client_phones (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  number text not null,
  e164 text not null,
  label text not null default '',
  position integer not null default 0,
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate
);
create index client_phones_client on client_phones (tenant_id, client_id);
create index client_phones_e164 on client_phones (tenant_id, e164);

create table client_addresses (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  kind text not null default 'home' check (kind in ('home', 'work', 'postal', 'registered')),
  street text not null default '',
  postal_code text not null default '',
  city text not null default '',
  country text not null default 'DE' check (country ~ '^[A-Z]{2}$'),
  position integer not null default 0,
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate
);
create index client_addresses_client on client_addresses (tenant_id, client_id);

-- One row per relation; read both ways (employer of ↔ employee of) by the repository.
create table client_relations (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  related_client_id uuid not null,
  kind text not null check (kind in ('household_member', 'employer', 'representative', 'guarantor')),
  note text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, related_client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate,
  check (client_id <> related_client_id)
);
create index client_relations_client on client_relations (tenant_id, client_id);
create index client_relations_related on client_relations (tenant_id, related_client_id);

-- Consent is a log: a withdrawal is a new row with granted = false, never an edit.
create table consents (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  client_id uuid not null,
  purpose text not null,
  channel text not null check (channel in ('email', 'phone', 'sms', 'post', 'messenger', 'any')),
  granted boolean not null,
  legal_basis text not null check (legal_basis in ('consent', 'contract', 'legal_obligation', 'legitimate_interest')),
  source text not null,
  wording_version text not null,
  proof jsonb not null default '{}',
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate
);
create index consents_client on consents (tenant_id, client_id, purpose, channel, recorded_at desc);

create table custom_field_definitions (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  entity text not null check (entity in ('client', 'case')),
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  label text not null,
  type text not null check (type in ('text', 'number', 'money', 'date', 'choice', 'multi_choice', 'yes_no')),
  options text[] not null default '{}',
  required boolean not null default false,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id)
);
create unique index custom_field_definitions_key on custom_field_definitions (tenant_id, entity, key) where deleted_at is null;

do $$
declare t text;
begin
  foreach t in array array['clients', 'client_emails', 'client_phones', 'client_addresses', 'client_relations', 'consents',
    'custom_field_definitions']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (kontor_is_system() or tenant_id = kontor_current_tenant()) with check (kontor_is_system() or tenant_id = kontor_current_tenant())', t);
  end loop;
end
$$;
