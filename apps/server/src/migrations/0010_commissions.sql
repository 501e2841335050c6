-- Commissions (F1–F8): who is paid (recipients, rate groups), the rates valid from/to, the lines
-- of a won case, the money the lender paid, and statements that are final once issued.
-- Money is bigint minor units plus a currency; rates are exact numerics; dates are plain dates.

create table rate_groups (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);

-- Everyone a statement is written to: a user of the firm (advisor, lead, colleague) or an outside
-- partner or tipster. What the statement prints (name, address, language, VAT) lives here.
create table commission_recipients (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('user', 'partner', 'tipster')),
  user_id uuid,
  name text not null check (length(name) between 1 and 200),
  email text check (email is null or position('@' in email) > 1),
  locale text not null default 'de' check (locale in ('de', 'en', 'pl', 'ru')),
  address_lines jsonb not null default '[]',
  tax_number text,
  vat_id text,
  vat_mode text not null default 'exempt' check (vat_mode in ('exempt', 'added')),
  vat_note text not null default '',
  vat_rate numeric(7, 4) check (vat_rate >= 0 and vat_rate <= 100),
  self_billing boolean not null default true,
  -- Partners see client personal data on statements only where their agreement allows it.
  shows_client_data boolean not null default false,
  rate_group_id uuid,
  creditor_account text check (creditor_account ~ '^[0-9]{1,9}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, rate_group_id) references rate_groups (tenant_id, id) deferrable initially immediate,
  check ((kind = 'user') = (user_id is not null)),
  check (vat_mode = 'exempt' or vat_rate is not null)
);
create unique index commission_recipients_user on commission_recipients (tenant_id, user_id)
  where user_id is not null and deleted_at is null;

-- Income rates of lenders and product providers; null in lender/kind/product means "any".
-- tiers: [{"fromAmountMinor": 0, "percent": "1.00"} | {"fromAmountMinor": 0, "amountMinor": 50000}]
create table income_rates (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  lender text,
  product_kind text,
  product text,
  tiers jsonb not null,
  payout_mode text not null check (payout_mode in ('when_earned', 'when_paid')),
  liability_months integer not null check (liability_months between 0 and 600),
  clawback_mode text not null check (clawback_mode in ('full', 'pro_rata')),
  reserve_percent numeric(9, 6) not null check (reserve_percent between 0 and 100),
  valid_from date not null,
  valid_to date check (valid_to > valid_from),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id)
);

-- Advisor rates and the leads' overrides, by rate group.
create table group_rates (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('advisor', 'override')),
  rate_group_id uuid not null,
  product_kind text,
  product text,
  percent numeric(9, 6) not null check (percent between 0 and 100),
  payout_mode text not null check (payout_mode in ('when_earned', 'when_paid')),
  liability_months integer not null check (liability_months between 0 and 600),
  clawback_mode text not null check (clawback_mode in ('full', 'pro_rata')),
  reserve_percent numeric(9, 6) not null check (reserve_percent between 0 and 100),
  valid_from date not null,
  valid_to date check (valid_to > valid_from),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, rate_group_id) references rate_groups (tenant_id, id) deferrable initially immediate
);

-- A partner's or tipster's agreement, per lead source (null: every source).
create table partner_agreements (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  recipient_id uuid not null,
  lead_source text,
  share_kind text not null check (share_kind in ('fixed', 'percent_of_income', 'percent_of_advisor')),
  percent numeric(9, 6) check (percent between 0 and 100),
  amount_minor bigint check (amount_minor >= 0),
  currency text check (currency ~ '^[A-Z]{3}$'),
  payout_mode text not null check (payout_mode in ('when_earned', 'when_paid')),
  liability_months integer not null check (liability_months between 0 and 600),
  clawback_mode text not null check (clawback_mode in ('full', 'pro_rata')),
  reserve_percent numeric(9, 6) not null check (reserve_percent between 0 and 100),
  valid_from date not null,
  valid_to date check (valid_to > valid_from),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deletion_id uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, recipient_id) references commission_recipients (tenant_id, id) deferrable initially immediate,
  check ((share_kind = 'fixed') = (amount_minor is not null and currency is not null)),
  check ((share_kind = 'fixed') = (percent is null))
);

-- A case's commission: when it was won, who referred it, and a cancellation within liability.
create table case_commissions (
  tenant_id uuid not null,
  case_id uuid not null,
  won_on date not null,
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  partner_id uuid,
  lead_source text,
  cancelled_on date check (cancelled_on >= won_on),
  cancel_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, case_id),
  foreign key (tenant_id, case_id) references cases (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, partner_id) references commission_recipients (tenant_id, id) deferrable initially immediate
);

-- The income line (what the lender owes, recipient_id null) and the payout lines of a case.
-- 'proposed' lines are shown before they are confirmed; only confirmed lines reach statements.
create table commission_lines (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  kind text not null check (kind in ('income', 'partner', 'extra', 'advisor', 'lead_override')),
  recipient_id uuid,
  lender text,
  status text not null check (status in ('proposed', 'confirmed')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  amount_minor bigint not null check (amount_minor >= 0),
  reserve_minor bigint not null check (reserve_minor between 0 and amount_minor),
  rate_id uuid,
  label text,
  payout_mode text not null check (payout_mode in ('when_earned', 'when_paid')),
  liability_months integer not null check (liability_months between 0 and 600),
  clawback_mode text not null check (clawback_mode in ('full', 'pro_rata')),
  reserve_percent numeric(9, 6) not null check (reserve_percent between 0 and 100),
  liability_ends_on date not null,
  correction_reason text,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  confirmed_at timestamptz,
  confirmed_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references case_commissions (tenant_id, case_id) deferrable initially immediate,
  foreign key (tenant_id, recipient_id) references commission_recipients (tenant_id, id) deferrable initially immediate,
  check ((kind = 'income') = (recipient_id is null))
);
create index commission_lines_case on commission_lines (tenant_id, case_id);
create index commission_lines_recipient on commission_lines (tenant_id, recipient_id) where status = 'confirmed';
create unique index commission_lines_one_income on commission_lines (tenant_id, case_id) where kind = 'income';

-- Money received from the lender for a case, in full or in part.
create table lender_payments (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  paid_on date not null,
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  note text not null default '',
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, case_id) references case_commissions (tenant_id, case_id) deferrable initially immediate
);
create index lender_payments_case on lender_payments (tenant_id, case_id, paid_on);

create table statement_counters (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  year integer not null,
  last_number integer not null default 0,
  primary key (tenant_id, year)
);

create table statement_runs (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  period_start date not null,
  period_end date not null check (period_end >= period_start),
  issued_on date not null,
  recipient_ids jsonb,
  statements_created integer not null default 0,
  statements_existing integer not null default 0,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);

-- A statement is written as 'draft' and set 'final' in the same transaction; from then on the
-- database refuses any change to it or its entries (triggers below). Corrections go on a later one.
create table statements (
  tenant_id uuid not null references tenants (id) deferrable initially immediate,
  id uuid not null default gen_random_uuid(),
  number text not null,
  year integer not null,
  run_id uuid,
  recipient_id uuid not null,
  status text not null check (status in ('draft', 'final')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  period_start date not null,
  period_end date not null,
  issued_on date not null,
  -- What the documents print, as it was when the statement became final.
  document jsonb not null,
  net_minor bigint not null,
  vat_minor bigint not null,
  gross_minor bigint not null,
  held_back_minor bigint not null,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  unique (tenant_id, recipient_id, period_end, currency),
  foreign key (tenant_id, run_id) references statement_runs (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, recipient_id) references commission_recipients (tenant_id, id) deferrable initially immediate
);
create index statements_period on statements (tenant_id, period_end desc, number);

create table statement_entries (
  tenant_id uuid not null,
  statement_id uuid not null,
  position integer not null,
  line_id uuid not null,
  case_id uuid not null,
  kind text not null check (kind in ('payout', 'reserve_release', 'clawback')),
  net_minor bigint not null,
  vat_minor bigint not null,
  gross_minor bigint not null,
  primary key (tenant_id, statement_id, position),
  foreign key (tenant_id, statement_id) references statements (tenant_id, id) deferrable initially immediate,
  foreign key (tenant_id, line_id) references commission_lines (tenant_id, id) deferrable initially immediate
);
create index statement_entries_line on statement_entries (tenant_id, line_id);

-- Sending a statement is not part of it: the delivery may fail and be retried after it is final.
create table statement_deliveries (
  tenant_id uuid not null,
  statement_id uuid not null,
  status text not null check (status in ('pending', 'sent', 'failed', 'no_address')),
  attempts integer not null default 0,
  last_error text,
  sent_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, statement_id),
  foreign key (tenant_id, statement_id) references statements (tenant_id, id) deferrable initially immediate
);

create function statements_final() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'final' then
      raise exception 'statement % is final and cannot be removed', old.number using errcode = 'KF001';
    end if;
    return old;
  end if;
  if old.status = 'final' then
    raise exception 'statement % is final; corrections go on a later statement', old.number using errcode = 'KF001';
  end if;
  return new;
end
$$;
create trigger statements_final before update or delete on statements
  for each row execute function statements_final();

-- Entries may only be written while their statement is a draft (a restore, as the system, writes
-- final statements back as they were).
create function statement_entries_final() returns trigger language plpgsql as $$
declare parent_status text;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    raise exception 'entries of a statement are never changed' using errcode = 'KF001';
  end if;
  select status into parent_status from statements
    where tenant_id = new.tenant_id and id = new.statement_id;
  if parent_status = 'final' and not kontor_is_system() then
    raise exception 'statement is final; corrections go on a later statement' using errcode = 'KF001';
  end if;
  return new;
end
$$;
create trigger statement_entries_final before insert or update or delete on statement_entries
  for each row execute function statement_entries_final();

do $$
declare t text;
begin
  foreach t in array array['rate_groups', 'commission_recipients', 'income_rates', 'group_rates',
    'partner_agreements', 'case_commissions', 'commission_lines', 'lender_payments',
    'statement_counters', 'statement_runs', 'statements', 'statement_entries', 'statement_deliveries']
  loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_isolation on %I using (kontor_is_system() or tenant_id = kontor_current_tenant()) with check (kontor_is_system() or tenant_id = kontor_current_tenant())', t);
  end loop;
end
$$;
