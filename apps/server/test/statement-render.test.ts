// Statements render on worker threads beside the main thread, to the same bytes as inline.
import { afterEach, describe, expect, it } from 'vitest';
import type { TStatementDocument } from '../src/features/commissions/statement-document';
import {
  createStatementRenderer,
  renderInline,
  type TStatementRenderer,
} from '../src/features/commissions/statement-render';

function statement(number: string, entries = 30): TStatementDocument {
  return {
    locale: 'pl',
    number,
    issuedOn: '2026-04-02',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    currency: 'EUR',
    selfBilling: false,
    firm: { name: 'Finanzkontor Nord GmbH', addressLines: ['Hauptstraße 1'], vatId: null, email: null },
    recipient: { name: 'Łukasz Żółć', addressLines: [], email: null, vatId: null, taxNumber: null },
    vat: { mode: 'exempt', note: 'Steuerfrei nach § 4 Nr. 8 UStG' },
    entries: Array.from({ length: entries }, (_, i) => ({
      caseNumber: `K-2026-${String(i).padStart(5, '0')}`,
      clientName: 'Дмитрий Иванов',
      productKind: 'mortgage',
      lender: 'Sparkasse Köln',
      caseAmountMinor: 30_000_000,
      wonOn: '2026-03-10',
      kind: 'payout' as const,
      lineKind: 'advisor' as const,
      label: null,
      netMinor: 10_000 + i,
      vatMinor: 0,
      grossMinor: 10_000 + i,
    })),
    totals: { netMinor: 0, vatMinor: 0, grossMinor: 0 },
    heldBackMinor: 0,
  };
}

let renderer: TStatementRenderer | undefined;
afterEach(async () => {
  await renderer?.close();
  renderer = undefined;
});

describe('statement render threads', () => {
  it('render PDFs and spreadsheets to the same bytes as the main thread, side by side', async () => {
    renderer = createStatementRenderer({ threads: 1 });
    const docs = ['2026-00001', '2026-00002', '2026-00003', '2026-00004'].map((n) => statement(n));
    // Four at once: one goes to the thread, the others render here while it is busy.
    const pdfs = await Promise.all(docs.map((d) => renderer!.render(d, 'pdf')));
    const sheets = await Promise.all(docs.map((d) => renderer!.render(d, 'xlsx')));
    for (const [i, doc] of docs.entries()) {
      expect(pdfs[i]!.equals(await renderInline(doc, 'pdf'))).toBe(true);
      expect(sheets[i]!.equals(await renderInline(doc, 'xlsx'))).toBe(true);
    }
    expect(pdfs[0]!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(renderer.threadsRunning()).toBe(1);
  }, 60_000);

  it('pass a failed render back as an error, and go on rendering', async () => {
    renderer = createStatementRenderer({ threads: 1 });
    const broken = { ...statement('2026-00009'), entries: null } as unknown as TStatementDocument;
    const results = await Promise.allSettled([
      renderer.render(broken, 'pdf'),
      renderer.render(statement('2026-00010'), 'pdf'),
    ]);
    expect(results[0]!.status).toBe('rejected');
    expect(results[1]!.status).toBe('fulfilled');
    const again = await renderer.render(statement('2026-00011'), 'pdf');
    expect(again.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('render on the main thread when no thread can start', async () => {
    renderer = createStatementRenderer({
      threads: 2,
      entry: new URL('./no-such-render-worker.mjs', import.meta.url),
    });
    const doc = statement('2026-00012', 3);
    const bytes = await renderer.render(doc, 'pdf');
    expect(bytes.equals(await renderInline(doc, 'pdf'))).toBe(true);
    // Off for good: later documents render here without trying again.
    expect((await renderer.render(doc, 'xlsx')).equals(await renderInline(doc, 'xlsx'))).toBe(true);
    expect(renderer.threadsRunning()).toBe(0);
  }, 60_000);

  it('end their threads when idle, and start them again for the next document', async () => {
    renderer = createStatementRenderer({ threads: 1, idleMs: 50 });
    const doc = statement('2026-00013', 3);
    await renderer.render(doc, 'pdf');
    expect(renderer.threadsRunning()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(renderer.threadsRunning()).toBe(0);
    expect((await renderer.render(doc, 'pdf')).equals(await renderInline(doc, 'pdf'))).toBe(true);
  }, 60_000);
});
