-- Relations, consents and merges of clients (B4, B6, B10): the rules the database keeps even when
-- two requests race each other.

-- A relation exists once: the same direction and kind only once among live rows ...
create unique index client_relations_unique on client_relations (tenant_id, client_id, related_client_id, kind)
  where deleted_at is null;
-- ... and a household has no direction, so A–B and B–A are the same relation.
create unique index client_relations_unique_household on client_relations
  (tenant_id, least(client_id, related_client_id), greatest(client_id, related_client_id))
  where deleted_at is null and kind = 'household_member';

-- The consent log is evidence: a record is never edited (a withdrawal is a new row). Only the
-- client it belongs to may change (a merge moves it) and the trash marks.
create function consents_append_only() returns trigger language plpgsql as $$
begin
  if (new.tenant_id, new.id, new.purpose, new.channel, new.granted, new.legal_basis, new.source,
      new.wording_version, new.proof, new.recorded_at, new.recorded_by)
     is distinct from
     (old.tenant_id, old.id, old.purpose, old.channel, old.granted, old.legal_basis, old.source,
      old.wording_version, old.proof, old.recorded_at, old.recorded_by) then
    raise exception 'consent records are never edited; record a new one' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger consents_append_only before update on consents
  for each row execute function consents_append_only();
