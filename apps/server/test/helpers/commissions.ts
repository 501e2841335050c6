// A firm set up for commissions through the API (letterhead, a rate group, anna the advisor, ben a
// helping colleague, tom a tipster, the worked example's rates), with the steps its tests repeat.
import { newClient } from './clients';
import { acmeWithOrg } from './org';
import { startSmtpServer } from './smtp';

export const TERMS = {
  payoutMode: 'when_paid',
  liabilityMonths: 12,
  clawbackMode: 'pro_rata',
  reservePercent: '0',
};
export const eur = (minor: number) => ({ minor, currency: 'EUR' });

/** The body of an answer with the expected status; throws with the answer otherwise. */
export async function ok(res: { status: number; body: unknown }, status = 201) {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
}

export type TRun = {
  created: number;
  existing: number;
  statements: { id: string; number: string; recipientId: string; totals: { netMinor: number } }[];
};
export type TProposal = {
  lines: {
    kind: string;
    amount: { minor: number };
    reserve: { minor: number };
    status: string;
    recipientId: string;
  }[];
  firmKeeps: { minor: number };
};
export type TCommissionFirm = Awaited<ReturnType<typeof commissionFirm>>;

/** The firm of the worked example of issue 4, on a fresh database, with an SMTP server. */
export async function commissionFirm() {
  const smtp = await startSmtpServer();
  const { t, admin, tenantId, org } = await acmeWithOrg({ smtpUrl: smtp.url });
  const firm = {
    addressLines: ['Hafenstraße 1', '20457 Hamburg'],
    vatId: 'DE123456789',
    email: 'provision@acme.test',
  };
  await ok(await admin.put('/commissions/settings', { firm }), 200);
  const advisors = await ok(await admin.post('/commissions/rate-groups', { name: 'Berater' }));
  const recipient = async (body: Record<string, unknown>) =>
    (await ok(await admin.post('/commissions/recipients', body))).id;
  const ids = {
    anna: await recipient({
      kind: 'user',
      userId: org.users.anna,
      name: 'Anna Advisor',
      email: 'anna@acme.test',
      rateGroupId: advisors.id,
      vat: { mode: 'exempt', note: '§ 4 Nr. 8 UStG' },
    }),
    ben: await recipient({ kind: 'user', userId: org.users.ben, name: 'Ben Helper', email: 'ben@acme.test' }),
    tom: await recipient({ kind: 'tipster', name: 'Tomasz Łęcki', email: 'tom@tips.test', locale: 'pl' }),
  };
  const when = { validFrom: '2026-01-01' };
  await ok(
    await admin.post('/commissions/income-rates', {
      currency: 'EUR',
      productKind: 'mortgage',
      tiers: [{ fromAmountMinor: 0, percent: '1.00' }],
      terms: { ...TERMS, payoutMode: 'when_earned' },
      ...when,
    }),
  );
  await ok(
    await admin.post('/commissions/group-rates', {
      kind: 'advisor',
      rateGroupId: advisors.id,
      productKind: 'mortgage',
      percent: '80',
      terms: { ...TERMS, reservePercent: '10' },
      ...when,
    }),
  );
  await ok(
    await admin.post('/commissions/agreements', {
      recipientId: ids.tom,
      share: { kind: 'percent_of_income', percent: '10' },
      terms: TERMS,
      ...when,
    }),
  );

  // A mortgage of anna's, won on the given day (the stage move itself is tested with the cases).
  async function wonCase(closedAt: string) {
    const clientId = await newClient(admin, 'Müller', { firstName: 'Jürgen' });
    const kase = await ok(
      await admin.post('/cases', {
        clientId,
        productKind: 'mortgage',
        amount: eur(30_000_000),
        lender: 'Musterbank AG',
        ownerId: org.users.anna,
      }),
    );
    const db = t.database.db;
    const { pipeline_id } = await db
      .selectFrom('cases')
      .select('pipeline_id')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    const won = await db
      .selectFrom('pipeline_stages')
      .select('key')
      .where('tenant_id', '=', tenantId)
      .where('pipeline_id', '=', pipeline_id)
      .where('kind', '=', 'won')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('cases')
      .set({ stage_key: won.key, closed_at: new Date(closedAt) })
      .where('id', '=', kase.id)
      .execute();
    return kase.id;
  }

  // The worked example's proposal: tom as tipster, ben with a fixed EUR 200.00; then confirmed.
  async function proposeAndConfirm(caseId: string) {
    const extraLines = [{ recipientId: ids.ben, label: 'Helping colleague', amount: eur(20_000) }];
    const proposed = await ok(
      await admin.post(`/cases/${caseId}/commission/proposal`, { partnerId: ids.tom, extraLines }),
      200,
    );
    await ok(await admin.post(`/cases/${caseId}/commission/confirm`), 200);
    return proposed as unknown as TProposal;
  }

  async function run(periodStart: string, periodEnd: string) {
    const body = { periodStart, periodEnd, issuedOn: periodEnd };
    return (await ok(await admin.post('/commissions/statement-runs', body))) as unknown as TRun;
  }
  const netOf = (r: TRun, who: keyof typeof ids) =>
    r.statements.find((s) => s.recipientId === ids[who])?.totals.netMinor;

  return {
    t,
    admin,
    tenantId,
    org,
    smtp,
    ids,
    wonCase,
    proposeAndConfirm,
    run,
    netOf,
    close: async () => {
      await t.close();
      await smtp.close();
    },
  };
}
