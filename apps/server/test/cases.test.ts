import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';
import { startSmtpServer } from './helpers/smtp';

let t: TTestApp;
let admin: Client;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
let anna: Client;
let ben: Client;
let clara: Client;
let lead: Client;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let clientId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ({ t, admin, org } = await acmeWithOrg({ smtpUrl: smtp.url, publicUrl: 'https://crm.acme.test' }));
  anna = await signIn(t, 'acme', 'anna@acme.test');
  ben = await signIn(t, 'acme', 'ben@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  clientId = (await anna.post('/clients', { kind: 'person', firstName: 'Jürgen', lastName: 'Müller' })).body
    .id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const mortgage = (over: Record<string, unknown> = {}) => ({
  clientId,
  productKind: 'mortgage',
  amount: { minor: 30_000_000, currency: 'EUR' },
  ...over,
});

describe('cases', () => {
  it('start in the first stage of the strict mortgage pipeline, numbered per tenant', async () => {
    const pipelines = await anna.get('/pipelines');
    const m = pipelines.body.items.find((p: { productKind: string }) => p.productKind === 'mortgage');
    expect(m.controlMode).toBe('strict');
    const res = await anna.post('/cases', mortgage({ platformReference: 'EP-2026-4711' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      clientId,
      clientName: 'Jürgen Müller',
      amount: { minor: 30_000_000, currency: 'EUR' },
      stage: { key: m.stages[0].key },
      ownerId: org.users.anna,
      executorId: org.users.anna,
      applicants: [{ clientId, role: 'applicant' }],
    });
    expect(res.body.number).toMatch(/^\d{4}-\d{6}$/);
    const second = await anna.post('/cases', mortgage());
    expect(Number(second.body.number.slice(5))).toBe(Number(res.body.number.slice(5)) + 1);
  });

  it('refuses bad input naming the field', async () => {
    const res = await anna.post('/cases', mortgage({ amount: { minor: 1.5, currency: 'euro' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'amount.currency',
      'amount.minor',
    ]);
    expect((await anna.post('/cases', mortgage({ clientId: org.users.anna }))).body.errors[0].field).toBe(
      'clientId',
    );
    expect(
      (await anna.post('/cases', { ...mortgage(), productKind: 'investment' })).body.errors[0].field,
    ).toBe('productKind');
  });

  it('move through a strict pipeline: no skipping, required fields, loss reasons, history', async () => {
    const created = await anna.post('/cases', mortgage({ amount: null }));
    const id = created.body.id;
    const skip = await anna.post(`/cases/${id}/stage`, { stage: 'offer' });
    expect(skip.status).toBe(422);
    expect(skip.body).toMatchObject({
      code: 'stage_move_refused',
      skippedStages: ['needs_analysis', 'documents'],
    });
    expect((await anna.post(`/cases/${id}/stage`, { stage: 'needs_analysis' })).status).toBe(200);
    const missing = await anna.post(`/cases/${id}/stage`, { stage: 'documents' });
    expect(missing.status).toBe(422);
    expect(missing.body.missingFields.sort()).toEqual(['amount', 'purpose']);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'purpose']);
    await anna.patch(`/cases/${id}`, { amount: { minor: 25_000_000, currency: 'EUR' }, purpose: 'purchase' });
    expect((await anna.post(`/cases/${id}/stage`, { stage: 'documents' })).status).toBe(200);
    const lostNoReason = await anna.post(`/cases/${id}/stage`, { stage: 'lost' });
    expect(lostNoReason.status).toBe(422);
    expect(lostNoReason.body.missingFields).toEqual(['lossReason']);
    const lost = await anna.post(`/cases/${id}/stage`, { stage: 'lost', lossReason: 'rate_too_high' });
    expect(lost.body).toMatchObject({ stage: { key: 'lost', kind: 'lost' }, lossReason: 'rate_too_high' });
    expect(lost.body.closedAt).not.toBeNull();
    const full = await anna.get(`/cases/${id}`);
    expect(full.body.stageHistory.map((h: { to: string }) => h.to)).toEqual([
      'first_contact',
      'needs_analysis',
      'documents',
      'lost',
    ]);
    expect(full.body.stageHistory[3]).toMatchObject({
      from: 'documents',
      by: org.users.anna,
      lossReason: 'rate_too_high',
    });
  });

  it('mails a new executor a direct link to the case, through the job queue', async () => {
    const created = await anna.post('/cases', mortgage());
    const res = await anna.post(`/cases/${created.body.id}/assign`, { executorId: org.users.ben });
    expect(res.status).toBe(200);
    expect(res.body.executorId).toBe(org.users.ben);
    await t.runner.drain();
    const mail = await smtp.waitFor((m) => m.to.includes('ben@acme.test'));
    expect(mail.text).toContain(`https://crm.acme.test/cases/${created.body.id}`);
    expect(mail.subject).toContain(created.body.number);
    const audit = await anna.get(`/audit?entity=case&id=${created.body.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'assign', after: { executorId: org.users.ben } });
  });
});

describe('scopes hold on cases and their clients', () => {
  it('an executor sees the case and its client; others in the team do not; the lead does', async () => {
    const created = await anna.post('/cases', mortgage({ executorId: org.users.ben }));
    const id = created.body.id;
    expect((await ben.get(`/cases/${id}`)).status).toBe(200);
    expect((await ben.get(`/clients/${clientId}`)).status).toBe(200);
    expect((await ben.get('/cases')).body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await clara.get(`/cases/${id}`)).status).toBe(404);
    expect((await clara.get(`/clients/${clientId}`)).status).toBe(404);
    expect((await clara.post(`/cases/${id}/stage`, { stage: 'needs_analysis' })).status).toBe(404);
    expect((await lead.get(`/cases/${id}`)).status).toBe(200);
    expect((await admin.get('/cases?limit=200')).body.items.length).toBeGreaterThanOrEqual(
      (await lead.get('/cases?limit=200')).body.items.length,
    );
  });

  it('a co-executor sees the case; the trash takes it away and gives it back', async () => {
    const created = await anna.post('/cases', mortgage({ coExecutorIds: [org.users.clara] }));
    const id = created.body.id;
    expect((await clara.get(`/cases/${id}`)).status).toBe(200);
    expect((await anna.delete(`/cases/${id}`)).status).toBe(200);
    expect((await clara.get(`/cases/${id}`)).status).toBe(404);
    expect((await anna.get('/cases?limit=200')).body.items.map((c: { id: string }) => c.id)).not.toContain(
      id,
    );
    expect((await anna.post(`/cases/${id}/restore`)).status).toBe(200);
    expect((await clara.get(`/cases/${id}`)).status).toBe(200);
  });

  it('leave for the trash with their client and come back with it', async () => {
    const client = await anna.post('/clients', { kind: 'person', lastName: 'Gone', firstName: 'Soon' });
    const created = await anna.post('/cases', mortgage({ clientId: client.body.id }));
    await anna.post(`/cases/${created.body.id}/comments`, { body: 'note on the case' });
    expect((await anna.delete(`/clients/${client.body.id}`)).status).toBe(200);
    expect((await anna.get(`/cases/${created.body.id}`)).status).toBe(404);
    expect((await anna.get('/cases?limit=200')).body.items.map((c: { id: string }) => c.id)).not.toContain(
      created.body.id,
    );
    expect((await anna.post(`/clients/${client.body.id}/restore`)).status).toBe(200);
    expect((await anna.get(`/cases/${created.body.id}`)).status).toBe(200);
    expect((await anna.get(`/cases/${created.body.id}/comments`)).body.items).toHaveLength(1);
  });
});
