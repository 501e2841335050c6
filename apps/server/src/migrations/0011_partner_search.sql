-- Partners and tipsters (commission recipients outside the firm) are found by the global search
-- (N4): their folded name, e-mail and phonetic name keys, as clients and cases keep theirs.
alter table commission_recipients add column search_text text not null default '';
create index commission_recipients_search on commission_recipients using gin (search_text gin_trgm_ops)
  where kind <> 'user' and deleted_at is null;
