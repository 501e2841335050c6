// The shape of the generated firm and every record in it, as pure functions of the record's
// number: the same numbers give the same firm on every run and machine. Nothing here touches a
// database; seed.ts streams these rows into PostgreSQL.
import { foldText } from '@kontor/domain';
import { displayNameOf } from '../../../apps/server/src/features/clients/client-input';
import { below, pick, unit, uuidOf, weighted } from './random';
import {
  CITIES,
  COMPANY_FORMS,
  COMPANY_WORDS,
  FIRST_NAMES,
  INSURANCE_PRODUCTS,
  LAST_NAMES,
  LENDERS,
  LOAN_PRODUCTS,
  MORTGAGE_PRODUCTS,
  STREETS,
  SUBJECTS,
  TAGS,
} from './vocabulary';

export type TCrmShape = { clients: number; cases: number; activities: number };

/** The size the issue asks for; BENCH_CRM_SCALE shrinks the records (users and units stay). */
export const FULL_SHAPE: TCrmShape = { clients: 1_000_000, cases: 1_500_000, activities: 3_000_000 };

// Streams of randomness, one per kind of record.
export const S = {
  unit: 1,
  user: 2,
  client: 3,
  email: 4,
  phone: 5,
  address: 6,
  case: 7,
  history: 8,
  activity: 9,
} as const;

// 4 regions, 12 branches (3 per region), 24 teams (2 per branch): 40 units.
export const REGIONS = 4;
export const BRANCHES = 12;
export const TEAMS = 24;
export const UNITS = REGIONS + BRANCHES + TEAMS;
// 500 users: the managing director (the tenant's first user), a lead per unit, 459 advisors.
export const ADVISORS = 459;
export const USERS = 1 + UNITS + ADVISORS;

/** Time the firm's history spans (fixed, so a run seeds the same dates). */
export const START = Date.UTC(2019, 0, 1);
export const END = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

export const unitId = (u: number) => uuidOf(S.unit, u);

/** A unit's kind and parent: regions, then branches under them, then teams under the branches. */
export function unitAt(u: number) {
  if (u < REGIONS) return { kind: 'region' as const, parent: null, name: `Region ${u + 1}` };
  if (u < REGIONS + BRANCHES) {
    const b = u - REGIONS;
    return { kind: 'branch' as const, parent: b % REGIONS, name: `Filiale ${b + 1}` };
  }
  const t = u - REGIONS - BRANCHES;
  return { kind: 'team' as const, parent: REGIONS + (t % BRANCHES), name: `Team ${t + 1}` };
}

/** The lead of unit u and the advisors (a = 0 … ADVISORS-1); advisor a works in team a mod TEAMS. */
export const leadId = (u: number) => uuidOf(S.user, 1 + u);
export const leadEmail = (u: number) => `lead${u}@bench-crm.test`;
export const advisorId = (a: number) => uuidOf(S.user, 1 + UNITS + a);
export const advisorEmail = (a: number) => `advisor${a}@bench-crm.test`;
export const teamUnitOf = (a: number) => REGIONS + BRANCHES + (a % TEAMS);

/** Another advisor of advisor a's team (possibly a again). */
function teammate(a: number, r: number): number {
  const team = a % TEAMS;
  const size = Math.ceil((ADVISORS - team) / TEAMS);
  return team + TEAMS * Math.floor(r * size);
}

export const clientId = (i: number) => uuidOf(S.client, i);

/** What cases and activities need of client i (cheap). */
export function clientCore(i: number, shape: TCrmShape) {
  const person = unit(S.client, i, 1) < 0.9;
  const created = START + ((i + unit(S.client, i, 2)) / shape.clients) * (END - START - 30 * DAY);
  const first = pick(FIRST_NAMES, S.client, i, 3);
  const last = pick(LAST_NAMES, S.client, i, 4);
  const title = person && unit(S.client, i, 5) < 0.04 ? 'Dr.' : null;
  const companyName = person
    ? null
    : `${pick(LAST_NAMES, S.client, i, 6)} ${pick(COMPANY_WORDS, S.client, i, 7)} ${pick(COMPANY_FORMS, S.client, i, 8)}`;
  const displayName = person
    ? displayNameOf({ kind: 'person', title, firstName: first, lastName: last })
    : (companyName as string);
  return {
    person,
    created,
    first,
    last,
    title,
    companyName,
    displayName,
    owner: below(ADVISORS, S.client, i, 0),
  };
}

const STATUSES = [
  ['new', 15],
  ['qualified', 20],
  ['unqualified', 10],
  ['regular', 45],
  ['lost', 10],
] as const;
const SOURCES = [
  ['partner', 25],
  ['hotline', 10],
  ['website', 25],
  ['portal', 15],
  ['campaign', 10],
  ['import', 15],
] as const;

/** Client i with its contacts, as the create use-case would store it (before derived columns). */
export function clientAt(i: number, shape: TCrmShape) {
  const c = clientCore(i, shape);
  const r = (draw: number) => unit(S.client, i, draw);
  const tags = TAGS.filter((_, t) => r(20 + t) < 0.08);
  const fold = (s: string) => foldText(s).replace(/[^a-z]/g, '');
  const email = c.person
    ? `${fold(c.first)}.${fold(c.last)}.${i}@example.test`
    : `info.${i}@firma.example.test`;
  const mobile = String(10_000_000 + ((i * 7_919 + 1_234_567) % 90_000_000));
  const phone =
    r(9) < 0.8
      ? { number: `0${pick(['151', '160', '170', '171', '176'], S.phone, i, 0)} ${mobile}`, label: 'mobile' }
      : null;
  const [postalCode, city] = pick(CITIES, S.address, i, 0);
  return {
    core: c,
    row: {
      kind: c.person ? ('person' as const) : ('company' as const),
      client_type: c.person ? (r(10) < 0.8 ? 'private' : 'partner_referred') : 'business',
      status: weighted(STATUSES, r(11)),
      source: weighted(SOURCES, r(12)),
      owner_id: advisorId(c.owner),
      salutation: c.person ? (r(13) < 0.5 ? 'Herr' : 'Frau') : null,
      title: c.title,
      first_name: c.person ? c.first : null,
      last_name: c.person ? c.last : null,
      company_name: c.companyName,
      display_name: c.displayName,
      birth_date: c.person ? iso(Date.UTC(1950, 0, 1) + Math.floor(r(14) * 18_000) * DAY).slice(0, 10) : null,
      tax_id:
        c.person && r(15) < 0.3 ? String(10_000_000_000 + ((i * 104_729 + 12_345) % 89_999_999_999)) : null,
      iban: null,
      register_number: c.person ? null : `HRB ${10_000 + (i % 90_000)}`,
      vat_id: c.person ? null : `DE${100_000_000 + ((i * 7_907) % 899_999_999)}`,
      time_zone: 'Europe/Berlin',
      tags,
      custom: {},
      notes: '',
    },
    email,
    phone,
    address: {
      kind: 'home',
      street: `${pick(STREETS, S.address, i, 1)} ${1 + below(120, S.address, i, 2)}`,
      postalCode,
      city,
      country: 'DE',
    },
    created: iso(c.created),
  };
}

export type TPipelineInfo = {
  id: string;
  stages: { key: string; kind: 'open' | 'won' | 'lost' }[];
  lossReasons: string[];
};
export type TPipelines = Record<'mortgage' | 'consumer_loan' | 'insurance', TPipelineInfo>;

const KINDS = [
  ['mortgage', 55],
  ['consumer_loan', 28],
  ['insurance', 17],
] as const;

export const caseId = (j: number) => uuidOf(S.case, j);

/** What activities need of case j (cheap). */
export function caseCore(j: number, shape: TCrmShape) {
  const client = below(shape.clients, S.case, j, 0);
  const c = clientCore(client, shape);
  const r = (draw: number) => unit(S.case, j, draw);
  const owner = r(1) < 0.9 ? c.owner : teammate(c.owner, r(2));
  const executor = r(3) < 0.7 ? owner : teammate(owner, r(4));
  const created = c.created + r(5) * (END - c.created);
  return { client, clientCore: c, owner, executor, created };
}

/** Case j: its row (without number), applicants, co-executors and the stage moves it made. */
export function caseAt(j: number, shape: TCrmShape, pipelines: TPipelines) {
  const k = caseCore(j, shape);
  const r = (draw: number) => unit(S.case, j, draw);
  const kind = weighted(KINDS, r(6));
  const p = pipelines[kind];
  const open = p.stages.filter((s) => s.kind === 'open');
  const won = p.stages.find((s) => s.kind === 'won')!;
  const lost = p.stages.find((s) => s.kind === 'lost')!;
  const age = (END - k.created) / DAY;
  const closing = r(7) < (age > 365 ? 0.85 : age > 60 ? 0.4 : 0.05);
  const stage = closing ? (r(8) < 0.6 ? won : lost) : open[Math.floor(r(9) * open.length)]!;
  const changed = k.created + r(10) * Math.min(END - k.created, 120 * DAY);
  const amount =
    kind === 'mortgage'
      ? 10_000_000 + Math.floor(r(11) * 70_000) * 1_000
      : kind === 'consumer_loan'
        ? 500_000 + Math.floor(r(11) * 4_500) * 1_000
        : null;
  const lender = r(12) < 0.75 ? pick(LENDERS, S.case, j, 13) : null;
  const products =
    kind === 'mortgage' ? MORTGAGE_PRODUCTS : kind === 'consumer_loan' ? LOAN_PRODUCTS : INSURANCE_PRODUCTS;
  const product = lender ? pick(products, S.case, j, 14) : null;
  const reference =
    kind === 'mortgage' && r(15) < 0.4
      ? `${String.fromCharCode(65 + below(26, S.case, j, 16))}${String.fromCharCode(65 + below(26, S.case, j, 17))}${String(below(1_000_000, S.case, j, 18)).padStart(6, '0')}`
      : null;
  const coApplicant = r(19) < 0.12 ? below(shape.clients, S.case, j, 20) : null;
  const coExecutor = r(21) < 0.07 ? teammate(k.owner, r(22)) : null;
  const moves = [{ from: null as string | null, to: p.stages[0]!.key, at: k.created }];
  if (stage.key !== p.stages[0]!.key) moves.push({ from: p.stages[0]!.key, to: stage.key, at: changed });
  return {
    core: k,
    kind,
    pipelineId: p.id,
    stageKey: stage.key,
    stageChanged: iso(moves.at(-1)!.at),
    closedAt: stage.kind === 'open' ? null : iso(changed),
    lossReason: stage.kind === 'lost' ? pick(p.lossReasons, S.case, j, 23) : null,
    amount,
    termMonths:
      kind === 'mortgage'
        ? 120 + 12 * below(21, S.case, j, 24)
        : kind === 'consumer_loan'
          ? 12 * (1 + below(8, S.case, j, 24))
          : null,
    lender,
    product,
    reference,
    coApplicant: coApplicant === k.client ? null : coApplicant,
    coExecutor: coExecutor === k.owner || coExecutor === k.executor ? null : coExecutor,
    moves: moves.map((m) => ({ ...m, at: iso(m.at) })),
    created: iso(k.created),
  };
}

const ACTIVITY_KINDS = [
  ['call', 35],
  ['email', 25],
  ['meeting', 15],
  ['note', 20],
  ['planned', 5],
] as const;

/** Activity n: half of them on a case (and its client), the rest on a client alone. */
export function activityAt(n: number, shape: TCrmShape) {
  const r = (draw: number) => unit(S.activity, n, draw);
  const onCase = r(0) < 0.5;
  let client: number;
  let ownerAdvisor: number;
  let since: number;
  let caseNumber: number | null = null;
  if (onCase) {
    caseNumber = below(shape.cases, S.activity, n, 1);
    const k = caseCore(caseNumber, shape);
    client = k.client;
    ownerAdvisor = k.executor;
    since = k.created;
  } else {
    client = below(shape.clients, S.activity, n, 2);
    const c = clientCore(client, shape);
    ownerAdvisor = c.owner;
    since = c.created;
  }
  const kind = weighted(ACTIVITY_KINDS, r(3));
  const at = since + r(4) * (END - since);
  const planned = kind === 'planned';
  return {
    kind,
    clientId: clientId(client),
    caseId: caseNumber === null ? null : caseId(caseNumber),
    subject: pick(SUBJECTS[kind], S.activity, n, 5),
    direction: kind === 'note' || planned ? 'internal' : r(6) < 0.5 ? 'inbound' : 'outbound',
    occurredAt: planned ? null : iso(at),
    plannedAt: planned ? iso(END + r(7) * 60 * DAY) : null,
    done: !planned,
    ownerId: advisorId(ownerAdvisor),
    created: iso(planned ? END - r(8) * 30 * DAY : at),
  };
}
