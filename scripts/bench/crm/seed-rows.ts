// The rows of the generated firm (firm.ts) as Kontor stores them: the organisation with plain
// inserts, clients, cases and activities streamed with COPY, their derived columns computed by the
// same functions the API uses.
import { normalisePhone } from '@kontor/domain';
import type pg from 'pg';
import { caseSearchText } from '../../../apps/server/src/features/cases/cases.repository';
import { derivedColumns } from '../../../apps/server/src/features/clients/client-input';
import { hashPassword } from '../../../apps/server/src/platform/security';
import { BENCH_PASSWORD } from '../fixture';
import { CopyWriter, copyAll } from './copy';
import {
  ADVISORS,
  activityAt,
  advisorEmail,
  advisorId,
  caseAt,
  caseId,
  clientAt,
  clientId,
  leadEmail,
  leadId,
  type TCrmShape,
  type TPipelines,
  teamUnitOf,
  UNITS,
  unitAt,
  unitId,
} from './firm';
import { uuidOf } from './random';

export async function seedOrganisation(pool: pg.Pool, tenantId: string) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (let u = 0; u < UNITS; u++) {
      const x = unitAt(u);
      await client.query(
        'insert into units (tenant_id, id, parent_id, kind, branch_kind, name) values ($1, $2, $3, $4, $5, $6)',
        [
          tenantId,
          unitId(u),
          x.parent === null ? null : unitId(x.parent),
          x.kind,
          x.kind === 'branch' ? 'own' : null,
          x.name,
        ],
      );
    }
    const hash = await hashPassword(BENCH_PASSWORD);
    const roles = new Map(
      (
        await client.query<{ key: string; id: string }>(
          'select key, id from roles where tenant_id = $1 and key is not null',
          [tenantId],
        )
      ).rows.map((r) => [r.key, r.id]),
    );
    const people = [
      ...Array.from({ length: UNITS }, (_, u) => ({
        id: leadId(u),
        email: leadEmail(u),
        name: `Lead ${unitAt(u).name}`,
        unit: u,
        role: 'unit_lead',
      })),
      ...Array.from({ length: ADVISORS }, (_, a) => ({
        id: advisorId(a),
        email: advisorEmail(a),
        name: `Advisor ${a}`,
        unit: teamUnitOf(a),
        role: 'advisor',
      })),
    ];
    for (const p of people) {
      await client.query(
        `insert into users (tenant_id, id, email, display_name, password_hash, locale, unit_id, created_at)
         values ($1, $2, $3, $4, $5, 'en', $6, '2019-01-01T00:00:00Z')`,
        [tenantId, p.id, p.email, p.name, hash, unitId(p.unit)],
      );
      await client.query('insert into user_roles (tenant_id, user_id, role_id) values ($1, $2, $3)', [
        tenantId,
        p.id,
        roles.get(p.role),
      ]);
      await client.query(
        `insert into user_unit_history (tenant_id, user_id, unit_id, valid_from) values ($1, $2, $3, '2019-01-01T00:00:00Z')`,
        [tenantId, p.id, unitId(p.unit)],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

function e164Of(number: string): string {
  const n = normalisePhone(number, 'DE');
  if (!n) throw new Error(`the generator made an invalid phone number: ${number}`);
  return n.e164;
}

const CLIENT_COLUMNS = [
  'tenant_id',
  'id',
  'kind',
  'client_type',
  'status',
  'source',
  'owner_id',
  'salutation',
  'title',
  'first_name',
  'last_name',
  'company_name',
  'display_name',
  'birth_date',
  'tax_id',
  'iban',
  'register_number',
  'vat_id',
  'time_zone',
  'tags',
  'custom',
  'notes',
  'search_text',
  'name_keys',
  'created_by',
  'created_at',
  'updated_at',
];

export async function seedClients(pool: pg.Pool, tenantId: string, shape: TCrmShape, bulk: boolean) {
  const clients = await CopyWriter.open(pool, 'clients', CLIENT_COLUMNS, bulk);
  const emails = await CopyWriter.open(
    pool,
    'client_emails',
    ['tenant_id', 'id', 'client_id', 'address', 'label'],
    bulk,
  );
  const phones = await CopyWriter.open(
    pool,
    'client_phones',
    ['tenant_id', 'id', 'client_id', 'number', 'e164', 'label'],
    bulk,
  );
  const addresses = await CopyWriter.open(
    pool,
    'client_addresses',
    ['tenant_id', 'id', 'client_id', 'kind', 'street', 'postal_code', 'city', 'country'],
    bulk,
  );
  return copyAll([clients, emails, phones, addresses], async () => {
    for (let i = 0; i < shape.clients; i++) {
      const c = clientAt(i, shape);
      const id = clientId(i);
      const phones164 = c.phone ? [{ ...c.phone, e164: e164Of(c.phone.number) }] : [];
      const derived = derivedColumns(c.row, {
        emails: [{ address: c.email, label: '' }],
        phones: phones164,
        addresses: [c.address],
      });
      const r = c.row;
      await clients.add([
        tenantId,
        id,
        r.kind,
        r.client_type,
        r.status,
        r.source,
        r.owner_id,
        r.salutation,
        r.title,
        r.first_name,
        r.last_name,
        r.company_name,
        r.display_name,
        r.birth_date,
        r.tax_id,
        r.iban,
        r.register_number,
        r.vat_id,
        r.time_zone,
        r.tags,
        '{}',
        '',
        derived.search_text,
        derived.name_keys,
        r.owner_id,
        c.created,
        c.created,
      ]);
      await emails.add([tenantId, uuidOf(4, i), id, c.email, '']);
      for (const p of phones164) await phones.add([tenantId, uuidOf(5, i), id, p.number, p.e164, p.label]);
      const a = c.address;
      await addresses.add([tenantId, uuidOf(6, i), id, a.kind, a.street, a.postalCode, a.city, a.country]);
    }
  });
}

const CASE_COLUMNS = [
  'tenant_id',
  'id',
  'number',
  'client_id',
  'product_kind',
  'amount_minor',
  'currency',
  'term_months',
  'lender',
  'product',
  'platform_reference',
  'pipeline_id',
  'stage_key',
  'stage_changed_at',
  'loss_reason',
  'closed_at',
  'owner_id',
  'executor_id',
  'search_text',
  'created_by',
  'created_at',
  'updated_at',
];

export async function seedCases(
  pool: pg.Pool,
  tenantId: string,
  shape: TCrmShape,
  pipelines: TPipelines,
  bulk: boolean,
) {
  const cases = await CopyWriter.open(pool, 'cases', CASE_COLUMNS, bulk);
  const applicants = await CopyWriter.open(
    pool,
    'case_applicants',
    ['tenant_id', 'case_id', 'client_id', 'role', 'position'],
    bulk,
  );
  const coExecutors = await CopyWriter.open(
    pool,
    'case_co_executors',
    ['tenant_id', 'case_id', 'user_id'],
    bulk,
  );
  const history = await CopyWriter.open(
    pool,
    'case_stage_history',
    ['tenant_id', 'id', 'case_id', 'from_key', 'to_key', 'loss_reason', 'moved_at', 'moved_by'],
    bulk,
  );
  const counters = new Map<number, number>();
  const rows = await copyAll([cases, applicants, coExecutors, history], async () => {
    for (let j = 0; j < shape.cases; j++) {
      const c = caseAt(j, shape, pipelines);
      const id = caseId(j);
      const year = Number(c.created.slice(0, 4));
      const n = (counters.get(year) ?? 0) + 1;
      counters.set(year, n);
      const number = `${year}-${String(n).padStart(6, '0')}`;
      const owner = advisorId(c.core.owner);
      await cases.add([
        tenantId,
        id,
        number,
        clientId(c.core.client),
        c.kind,
        c.amount,
        c.amount === null ? null : 'EUR',
        c.termMonths,
        c.lender,
        c.product,
        c.reference,
        c.pipelineId,
        c.stageKey,
        c.stageChanged,
        c.lossReason,
        c.closedAt,
        owner,
        advisorId(c.core.executor),
        caseSearchText(number, c.reference, c.lender, c.product, c.core.clientCore.displayName),
        owner,
        c.created,
        c.stageChanged,
      ]);
      await applicants.add([tenantId, id, clientId(c.core.client), 'applicant', 0]);
      if (c.coApplicant !== null)
        await applicants.add([tenantId, id, clientId(c.coApplicant), 'co_applicant', 1]);
      if (c.coExecutor !== null) await coExecutors.add([tenantId, id, advisorId(c.coExecutor)]);
      for (const [m, move] of c.moves.entries()) {
        await history.add([
          tenantId,
          uuidOf(8, j * 4 + m),
          id,
          move.from,
          move.to,
          m === c.moves.length - 1 ? c.lossReason : null,
          move.at,
          owner,
        ]);
      }
    }
  });
  const client = await pool.connect();
  try {
    for (const [year, last] of counters) {
      await client.query('insert into case_counters (tenant_id, year, last_number) values ($1, $2, $3)', [
        tenantId,
        year,
        last,
      ]);
    }
  } finally {
    client.release();
  }
  return rows + counters.size;
}

export async function seedActivities(pool: pg.Pool, tenantId: string, shape: TCrmShape, bulk: boolean) {
  const columns = [
    'tenant_id',
    'id',
    'kind',
    'client_id',
    'case_id',
    'subject',
    'direction',
    'occurred_at',
    'planned_at',
    'done',
    'owner_id',
    'created_by',
    'created_at',
    'updated_at',
  ];
  // Two streams, so the server parses one while the generator fills the other.
  const writers = [
    await CopyWriter.open(pool, 'activities', columns, bulk),
    await CopyWriter.open(pool, 'activities', columns, bulk),
  ];
  return copyAll(writers, async () => {
    for (let n = 0; n < shape.activities; n++) {
      const a = activityAt(n, shape);
      await writers[n & 1]!.add([
        tenantId,
        uuidOf(9, n),
        a.kind,
        a.clientId,
        a.caseId,
        a.subject,
        a.direction,
        a.occurredAt,
        a.plannedAt,
        a.done,
        a.ownerId,
        a.ownerId,
        a.created,
        a.created,
      ]);
    }
  });
}
