import { validatePipeline } from '@kontor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../src/features/tenants/create-tenant';
import { type Client, PASSWORD, seedTenant, signIn, type TTestApp } from './helpers/app';
import { ENGINE } from './helpers/database';
import { acmeWithOrg } from './helpers/org';

type TStage = { key: string; name: string; kind: string; position: number; requiredFields: string[] };
type TPipeline = {
  id: string;
  key: string;
  name: string;
  productKind: string;
  controlMode: string;
  isDefault: boolean;
  stages: TStage[];
  lossReasons: { key: string; name: string }[];
};

let t: TTestApp;
let admin: Client;
let anna: Client;

const list = async (c: Client) => (await c.get('/pipelines')).body.items as TPipeline[];
const byKey = async (c: Client, key: string) => (await list(c)).find((p) => p.key === key)!;
const fieldsOf = (res: { body: { errors?: { field: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.field).sort();

const stage = (key: string, kind = 'open', extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  kind,
  ...extra,
});
const LEASING = {
  key: 'leasing',
  name: 'Leasing',
  productKind: 'leasing',
  controlMode: 'manual',
  stages: [
    stage('request'),
    stage('quote', 'open', { requiredFields: ['amount'] }),
    stage('signed', 'won'),
    stage('lost', 'lost'),
  ],
  lossReasons: [{ key: 'too_expensive', name: 'Zu teuer' }],
};

beforeAll(async () => {
  ({ t, admin } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
});
afterAll(() => t.close());

describe(`ready pipelines of a new tenant (${ENGINE})`, () => {
  it('are mortgage (strict), consumer loan and insurance (manual), each the default of its kind', async () => {
    const items = await list(admin);
    expect(items.map((p) => [p.key, p.productKind, p.controlMode, p.isDefault])).toEqual([
      ['mortgage', 'mortgage', 'strict', true],
      ['consumer_loan', 'consumer_loan', 'manual', true],
      ['insurance', 'insurance', 'manual', true],
    ]);
    for (const p of items) {
      expect(p.lossReasons.length).toBeGreaterThan(0);
      const rules = { stages: p.stages as never, lossReasons: p.lossReasons.map((r) => r.key) };
      expect(validatePipeline(rules)).toEqual([]);
    }
  });

  it('the mortgage pipeline has its stages in order, in German, with required fields and a sub-status', async () => {
    const mortgage = await byKey(admin, 'mortgage');
    expect(mortgage.name).toBe('Baufinanzierung');
    expect(mortgage.stages.map((s) => [s.position, s.key, s.kind])).toEqual([
      [0, 'first_contact', 'open'],
      [1, 'needs_analysis', 'open'],
      [2, 'documents', 'open'],
      [3, 'offer', 'open'],
      [4, 'application', 'open'],
      [5, 'approval', 'open'],
      [6, 'contract_signing', 'open'],
      [7, 'payout', 'won'],
      [8, 'lost', 'lost'],
    ]);
    expect(mortgage.stages[0]!.name).toBe('Erstkontakt');
    expect(mortgage.stages[2]!.requiredFields).toEqual(['amount', 'purpose']);
    expect((await admin.get(`/pipelines/${mortgage.id}`)).body.stages[6]).toMatchObject({
      name: 'Vertragsunterzeichnung',
      fields: [
        {
          key: 'contractStatus',
          type: 'substatus',
          finalToLeave: true,
          options: [
            { key: 'not_started', label: 'Nicht begonnen' },
            { key: 'in_progress', label: 'In Bearbeitung' },
            { key: 'done', label: 'Erledigt' },
          ],
        },
      ],
    });
  });

  it('are named in the language of the tenant', async () => {
    await createTenant(t.database, {
      slug: 'warsaw',
      name: 'Warsaw Finanse',
      adminEmail: 'boss@warsaw.test',
      adminPassword: PASSWORD,
      locale: 'pl',
    });
    const boss = await signIn(t, 'warsaw', 'boss@warsaw.test');
    const mortgage = await byKey(boss, 'mortgage');
    expect(mortgage.name).toBe('Kredyt hipoteczny');
    expect(mortgage.stages.at(-2)!.name).toBe('Wypłata');
    expect(mortgage.lossReasons.map((r) => r.name)).toContain('Wybrał konkurencję');
  });
});

describe('managing pipelines', () => {
  it('creates one; the first of its product kind becomes the default; every write is audited', async () => {
    const res = await admin.post('/pipelines', LEASING);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ key: 'leasing', isDefault: true, controlMode: 'manual' });
    expect(res.body.stages.map((s: TStage) => s.key)).toEqual(['request', 'quote', 'signed', 'lost']);
    expect((await admin.get(`/pipelines/${res.body.id}`)).body.lossReasons).toEqual(LEASING.lossReasons);
    const audit = await admin.get(`/audit?entity=pipeline&id=${res.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
    expect(audit.body.items[0].after.stages).toHaveLength(4);
  });

  it('refuses bad input naming the fields, and writes nothing', async () => {
    const before = (await list(admin)).length;
    const shape = await admin.post('/pipelines', {
      ...LEASING,
      key: 'Leasing 2',
      productKind: 'car',
      stages: [],
    });
    expect(shape.status).toBe(400);
    expect(fieldsOf(shape)).toEqual(['key', 'productKind', 'stages']);
    const rules = await admin.post('/pipelines', {
      ...LEASING,
      key: 'leasing_rules',
      stages: [stage('won', 'won'), stage('a'), stage('a'), stage('gone', 'lost')],
      lossReasons: [],
    });
    expect(rules.status).toBe(400);
    expect(fieldsOf(rules)).toEqual([
      'lossReasons',
      'stages.0.kind',
      'stages.1.kind',
      'stages.2.key',
      'stages.2.kind',
    ]);
    const noWon = await admin.post('/pipelines', { ...LEASING, key: 'no_won', stages: [stage('a')] });
    expect(noWon.body.errors).toEqual([
      { field: 'stages', code: 'no_won_stage', message: expect.any(String) },
    ]);
    const taken = await admin.post('/pipelines', LEASING);
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken)).toEqual(['key']);
    expect((await list(admin)).length).toBe(before);
  });

  it('replaces stages as a whole; stages that stay keep their identity', async () => {
    const leasing = await byKey(admin, 'leasing');
    const stageIds = async () => {
      const rows = await t.database.db
        .selectFrom('pipeline_stages')
        .select(['key', 'id'])
        .where('pipeline_id', '=', leasing.id)
        .execute();
      return Object.fromEntries(rows.map((r) => [r.key, r.id]));
    };
    const before = await stageIds();
    const res = await admin.patch(`/pipelines/${leasing.id}`, {
      name: 'Leasing (Kfz)',
      controlMode: 'strict',
      stages: [
        stage('request', 'open', { name: 'Anfrage' }),
        stage('credit_check'),
        stage('signed', 'won'),
        stage('lost', 'lost'),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Leasing (Kfz)', controlMode: 'strict' });
    expect(res.body.stages.map((s: TStage) => [s.key, s.name, s.position])).toEqual([
      ['request', 'Anfrage', 0],
      ['credit_check', 'credit_check', 1],
      ['signed', 'signed', 2],
      ['lost', 'lost', 3],
    ]);
    const after = await stageIds();
    expect(after.request).toBe(before.request);
    expect(after.signed).toBe(before.signed);
    expect(after.quote).toBeUndefined();
    const bad = await admin.patch(`/pipelines/${leasing.id}`, {
      stages: [stage('a', 'lost'), stage('w', 'won')],
    });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['stages.0.kind']);
    const noReasons = await admin.patch(`/pipelines/${leasing.id}`, { lossReasons: [] });
    expect(fieldsOf(noReasons)).toEqual(['lossReasons']);
    expect((await admin.get(`/pipelines/${leasing.id}`)).body.stages).toHaveLength(4);
    const audit = await admin.get(`/audit?entity=pipeline&id=${leasing.id}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      before: { name: 'Leasing' },
      after: { name: 'Leasing (Kfz)' },
    });
  });
});

describe('default pipelines and the trash', () => {
  it('making a pipeline the default takes the default from the other one of its kind', async () => {
    const first = await byKey(admin, 'leasing');
    const second = await admin.post('/pipelines', { ...LEASING, key: 'leasing_fleet', isDefault: true });
    expect(second.body.isDefault).toBe(true);
    expect((await admin.get(`/pipelines/${first.id}`)).body.isDefault).toBe(false);
    const back = await admin.patch(`/pipelines/${first.id}`, { isDefault: true });
    expect(back.body.isDefault).toBe(true);
    expect((await admin.get(`/pipelines/${second.body.id}`)).body.isDefault).toBe(false);
    const undefault = await admin.patch(`/pipelines/${first.id}`, { isDefault: false });
    expect(undefault.status).toBe(400);
    expect(fieldsOf(undefault)).toEqual(['isDefault']);
    expect((await admin.get(`/pipelines/${first.id}`)).body.isDefault).toBe(true);
  });

  it('refuses to delete the default of a kind; others go to the trash with their stages and come back', async () => {
    const mortgage = await byKey(admin, 'mortgage');
    const refused = await admin.delete(`/pipelines/${mortgage.id}`);
    expect(refused.status).toBe(409);
    expect(fieldsOf(refused)).toEqual(['isDefault']);
    const fleet = await byKey(admin, 'leasing_fleet');
    const del = await admin.delete(`/pipelines/${fleet.id}`);
    expect(del.status).toBe(200);
    expect((await list(admin)).map((p) => p.key)).not.toContain('leasing_fleet');
    expect((await admin.get(`/pipelines/${fleet.id}`)).status).toBe(404);
    expect((await admin.get('/trash')).body.items[0]).toMatchObject({ entity: 'pipeline', label: 'Leasing' });
    const audit = await admin.get(`/audit?entity=pipeline&id=${fleet.id}`);
    expect(audit.body.items[0].action).toBe('delete');
    expect((await admin.post(`/trash/${del.body.trashId}/restore`)).status).toBe(200);
    const restored = (await admin.get(`/pipelines/${fleet.id}`)).body;
    expect(restored.stages.map((s: TStage) => s.key)).toEqual(['request', 'quote', 'signed', 'lost']);
    expect(restored.lossReasons).toEqual(LEASING.lossReasons);
  });
});

describe('who may see and change pipelines', () => {
  it('an advisor lists and opens them but cannot change them', async () => {
    const items = await list(anna);
    expect(items.map((p) => p.key)).toContain('mortgage');
    const mortgage = items.find((p) => p.key === 'mortgage')!;
    expect((await anna.get(`/pipelines/${mortgage.id}`)).body.controlMode).toBe('strict');
    const tries = [
      await anna.post('/pipelines', { ...LEASING, key: 'annas' }),
      await anna.patch(`/pipelines/${mortgage.id}`, { controlMode: 'none' }),
      await anna.delete(`/pipelines/${mortgage.id}`),
    ];
    expect(tries.map((r) => r.status)).toEqual([403, 403, 403]);
    expect((await byKey(admin, 'mortgage')).controlMode).toBe('strict');
  });

  it("another tenant's pipeline does not exist for you", async () => {
    await seedTenant(t, 'globex');
    const globex = await signIn(t, 'globex', 'boss@globex.test');
    const theirs = await byKey(globex, 'mortgage');
    const ours = await byKey(admin, 'mortgage');
    expect(theirs.id).not.toBe(ours.id);
    expect((await admin.get(`/pipelines/${theirs.id}`)).status).toBe(404);
    expect((await admin.patch(`/pipelines/${theirs.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await admin.delete(`/pipelines/${theirs.id}`)).status).toBe(404);
    expect((await byKey(globex, 'mortgage')).name).toBe('Baufinanzierung');
  });
});
