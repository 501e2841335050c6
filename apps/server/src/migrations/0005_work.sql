-- Work on clients and cases (D5, D6, E1): activities with reply chains, case comments, case
-- checklists and tasks. Every key starts with tenant_id; RLS as in 0001. A row hanging on a case
-- is visible exactly when its case is (enforced by the queries, see case-work/work-scope.ts).

create table activities (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('call', 'meeting', 'email', 'note', 'planned')),
  client_id uuid not null,
  case_id uuid,
  -- the earlier interaction this one answers; the foreign key below keeps it on the same client
  reply_to_id uuid,
  subject text not null default '',
  body text not null default '',
  direction text check (direction in ('inbound', 'outbound', 'internal')),
  occurred_at timestamptz,
  planned_at timestamptz,
  done boolean not null default true,
  owner_id uuid not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  -- the target of the reply foreign key: an activity together with its client
  unique (tenant_id, client_id, id),
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade deferrable initially immediate,
  -- a purged earlier interaction leaves its replies in place, only the link goes
  foreign key (tenant_id, client_id, reply_to_id) references activities (tenant_id, client_id, id)
    on delete set null (reply_to_id) deferrable initially immediate,
  foreign key (tenant_id, owner_id) references users (tenant_id, id) deferrable initially immediate,
  check (reply_to_id <> id),
  -- only a planned interaction may be open; whatever is done has happened at some time
  check (kind = 'planned' or done),
  check (kind <> 'planned' or planned_at is not null),
  check (not done or occurred_at is not null)
);
-- Lists and timelines sort by when it happened, or, while still open, when it is planned.
create index activities_client on activities
  (tenant_id, client_id, (coalesce(occurred_at, planned_at)) desc, id desc) where deleted_at is null;
create index activities_case on activities
  (tenant_id, case_id, (coalesce(occurred_at, planned_at)) desc, id desc)
  where deleted_at is null and case_id is not null;
create index activities_at on activities
  (tenant_id, (coalesce(occurred_at, planned_at)) desc, id desc) where deleted_at is null;
create index activities_reply_to on activities (tenant_id, reply_to_id) where reply_to_id is not null;
create index activities_open on activities (tenant_id, owner_id, planned_at) where not done and deleted_at is null;

create table case_comments (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  author_id uuid not null,
  body text not null check (length(body) > 0),
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, author_id) references users (tenant_id, id) deferrable initially immediate
);
create index case_comments_case on case_comments (tenant_id, case_id, created_at desc, id desc) where deleted_at is null;

create table case_checklist_items (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  title text not null check (length(title) > 0),
  position integer not null default 0,
  done_at timestamptz,
  done_by uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, done_by) references users (tenant_id, id) deferrable initially immediate,
  check ((done_at is null) = (done_by is null))
);
create index case_checklist_items_case on case_checklist_items (tenant_id, case_id, position, id) where deleted_at is null;

create table tasks (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  case_id uuid,
  client_id uuid,
  title text not null check (length(title) > 0),
  description text not null default '',
  due_at timestamptz,
  assignee_id uuid not null,
  status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  done_at timestamptz,
  done_by uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, client_id) references clients (tenant_id, id) on delete cascade deferrable initially immediate,
  foreign key (tenant_id, assignee_id) references users (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, done_by) references users (tenant_id, id) deferrable initially immediate,
  check (case_id is not null or client_id is not null),
  check ((status = 'done') = (done_at is not null)),
  check ((done_at is null) = (done_by is null))
);
-- "My tasks": open ones first by due date.
create index tasks_assignee on tasks (tenant_id, assignee_id, status, due_at, id) where deleted_at is null;
create index tasks_case on tasks (tenant_id, case_id, due_at, id) where deleted_at is null and case_id is not null;
create index tasks_client on tasks (tenant_id, client_id, due_at, id) where deleted_at is null and client_id is not null;

do $$
declare t text;
begin
  foreach t in array array['activities', 'case_comments', 'case_checklist_items', 'tasks']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (kontor_is_system() or tenant_id = kontor_current_tenant()) with check (kontor_is_system() or tenant_id = kontor_current_tenant())', t);
  end loop;
end
$$;
