-- Documents (D5): files on a client or on a case, in numbered versions. The bytes live under the
-- data directory (platform/files.ts), never in the database; a version row keeps where, how big,
-- the SHA-256 and the type found in the content. Every key starts with tenant_id; RLS as in 0001.

create table documents (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  -- a case's document names its client too, so that timelines and merges find it by client
  client_id uuid not null,
  case_id uuid,
  title text not null check (length(title) between 1 and 300),
  category text not null default 'other' check (category in
    ('contract', 'id_document', 'income_proof', 'bank_statement', 'property', 'offer', 'correspondence', 'other')),
  -- 0 until the first upload; the newest version otherwise
  current_version integer not null default 0 check (current_version >= 0),
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  -- No cascade from clients and cases: purging them must take their documents along through the
  -- trash (which removes the files), never drop the rows and leave the files behind.
  foreign key (tenant_id, client_id) references clients (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially immediate
);
create index documents_client on documents (tenant_id, client_id, created_at desc, id desc) where deleted_at is null;
create index documents_case on documents (tenant_id, case_id, created_at desc, id desc)
  where deleted_at is null and case_id is not null;
create index documents_created on documents (tenant_id, created_at desc, id desc) where deleted_at is null;

-- Versions are never changed; they go with their document (to the trash, and when purged).
create table document_versions (
  tenant_id uuid not null,
  document_id uuid not null,
  version integer not null check (version >= 1),
  -- path of the file relative to the data directory: files/<tenant>/<aa>/<uuid>, no user input
  file_key text not null check (file_key ~ '^files/[0-9a-f-]{36}/[0-9a-f]{2}/[0-9a-f-]{36}$'),
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  -- found in the content, not taken from the uploader
  media_type text not null,
  original_name text not null check (length(original_name) between 1 and 255),
  comment text not null default '',
  uploaded_by uuid,
  uploaded_at timestamptz not null default now(),
  primary key (tenant_id, document_id, version),
  unique (tenant_id, file_key),
  -- a tenant's files lie in the tenant's own folder
  check (split_part(file_key, '/', 2) = tenant_id::text),
  foreign key (tenant_id, document_id) references documents (tenant_id, id) on delete cascade deferrable initially immediate
);

do $$
declare t text;
begin
  foreach t in array array['documents', 'document_versions']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (kontor_is_system() or tenant_id = kontor_current_tenant()) with check (kontor_is_system() or tenant_id = kontor_current_tenant())', t);
  end loop;
end
$$;
