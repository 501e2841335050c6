-- Indexes measured on the bench's generated firm (1,000,000 clients, 1,500,000 cases).

-- The client list pages through these in order and checks owner, type and status on the index
-- alone (no table read per candidate); the scope's other half is a set or a probe of client_reach.
create index clients_name_cover on clients (tenant_id, display_name, id)
  include (owner_id, client_type, status) where deleted_at is null;
drop index clients_name;
create index clients_created_cover on clients (tenant_id, created_at desc, id)
  include (owner_id, client_type, status) where deleted_at is null;
drop index clients_created;

-- The case board. Its counts gather the open cases of the owners and executors in scope, one
-- index range per user (index-only) ...
create index cases_open_owner on cases (tenant_id, owner_id, pipeline_id, stage_key) include (id)
  where deleted_at is null and closed_at is null;
create index cases_open_executor on cases (tenant_id, executor_id, pipeline_id, stage_key) include (id)
  where deleted_at is null and closed_at is null;
-- ... its cards walk a stage's open cases, latest move first, checking the people on the index ...
create index cases_board_open on cases (tenant_id, pipeline_id, stage_key, stage_changed_at desc, id desc)
  include (owner_id, executor_id) where deleted_at is null and closed_at is null;
drop index cases_board;
-- ... and its won and lost columns show the recently closed ones.
create index cases_closed on cases (tenant_id, pipeline_id, closed_at desc)
  include (stage_key, owner_id, executor_id) where deleted_at is null and closed_at is not null;
