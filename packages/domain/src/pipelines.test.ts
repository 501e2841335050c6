import { describe, expect, it } from 'vitest';
import {
  checkStageMove,
  firstStage,
  isFilled,
  type TControlMode,
  type TPipelineRules,
  type TStage,
  type TStageMoveResult,
  validatePipeline,
} from './pipelines';

const OPTIONS = ['not_started', 'in_progress', 'done'].map((key) => ({ key, label: key }));

// first → docs (needs amount) → offer (needs lender) → signing (sub-status must be done to leave)
// → paid (won) | lost (lost)
const STAGES: TStage[] = [
  { key: 'first', name: 'First contact', kind: 'open', requiredFields: [], fields: [] },
  { key: 'docs', name: 'Documents', kind: 'open', requiredFields: ['amount'], fields: [] },
  { key: 'offer', name: 'Offer', kind: 'open', requiredFields: ['lender'], fields: [] },
  {
    key: 'signing',
    name: 'Contract signing',
    kind: 'open',
    requiredFields: [],
    fields: [
      { key: 'contractStatus', label: 'Status', type: 'substatus', options: OPTIONS, finalToLeave: true },
    ],
  },
  { key: 'paid', name: 'Payout', kind: 'won', requiredFields: [], fields: [] },
  { key: 'lost', name: 'Lost', kind: 'lost', requiredFields: [], fields: [] },
];
const pipeline = (controlMode: TControlMode): TPipelineRules => ({
  controlMode,
  stages: STAGES,
  lossReasons: ['rate_too_high', 'competitor'],
});

const FULL = { amount: { minor: 30_000_000, currency: 'EUR' }, lender: 'Sparkasse', contractStatus: 'done' };
const NONE = {};
const OK: TStageMoveResult = { ok: true };
const no = (reason: string, missingFields: string[] = [], skippedStages: string[] = []): TStageMoveResult =>
  ({ ok: false, reason, missingFields, skippedStages }) as TStageMoveResult;

// A move as written in the tables: 'from → to', with the loss reason in brackets.
function check(mode: TControlMode, move: string, values: object): TStageMoveResult {
  const [, fromKey, toKey, lossReason] = /^(\w+) → (\w+)(?: \((\w+)\))?$/.exec(move)!;
  return checkStageMove({
    pipeline: pipeline(mode),
    fromKey: fromKey!,
    toKey: toKey!,
    values: values as Record<string, unknown>,
    lossReason,
  });
}

type TMoves = Record<string, [string, object, TStageMoveResult]>;

const each = (mode: TControlMode, moves: TMoves) =>
  it.each(Object.entries(moves))('%s', (_, [move, values, expected]) => {
    expect(check(mode, move, values)).toEqual(expected);
  });

describe('strict: one open stage at a time, required fields filled', () => {
  each('strict', {
    'forwards to the next open stage with its fields filled': ['first → docs', FULL, OK],
    'skipping an open stage is refused, naming it': [
      'first → offer',
      FULL,
      no('skipped_stages', [], ['docs']),
    ],
    'skipping several names all of them': [
      'first → signing',
      FULL,
      no('skipped_stages', [], ['docs', 'offer']),
    ],
    'a refusal names skipped stages and missing fields together': [
      'first → offer',
      NONE,
      no('skipped_stages', ['amount', 'lender'], ['docs']),
    ],
    'the required fields of the target are needed to enter it': [
      'first → docs',
      NONE,
      no('missing_fields', ['amount']),
    ],
    'required fields accumulate: a later stage still needs those of earlier ones': [
      'docs → offer',
      { lender: 'ING' },
      no('missing_fields', ['amount']),
    ],
    'blank text and empty lists do not count as filled': [
      'docs → offer',
      { amount: ' ', lender: [] },
      no('missing_fields', ['amount', 'lender']),
    ],
    'a sub-status marked finalToLeave must be in its last option to move on': [
      'signing → paid',
      { ...FULL, contractStatus: 'in_progress' },
      no('missing_fields', ['contractStatus']),
    ],
    'an unset sub-status is not final either': [
      'signing → paid',
      { ...FULL, contractStatus: undefined },
      no('missing_fields', ['contractStatus']),
    ],
    'won only from the last open stage': ['offer → paid', FULL, no('skipped_stages', [], ['signing'])],
    'won from the last open stage once everything is done': ['signing → paid', FULL, OK],
    'backwards is rework and needs nothing': ['offer → first', NONE, OK],
    'backwards may leave a sub-status unfinished': ['signing → offer', { contractStatus: 'in_progress' }, OK],
    'lost from any open stage with a listed loss reason, fields or not': [
      'first → lost (competitor)',
      NONE,
      OK,
    ],
    'lost from a stage whose sub-status is unfinished': [
      'signing → lost (rate_too_high)',
      { contractStatus: 'in_progress' },
      OK,
    ],
    'lost without a loss reason is refused, naming lossReason': [
      'offer → lost',
      FULL,
      no('loss_reason', ['lossReason']),
    ],
    'lost with a reason not in the list is refused': [
      'offer → lost (weather)',
      FULL,
      no('loss_reason', ['lossReason']),
    ],
    'won is final: won → lost is refused': ['paid → lost (competitor)', FULL, no('final_stage')],
    'lost is final: lost → won is refused': ['lost → paid', FULL, no('final_stage')],
    'reopening a won case into an open stage is allowed': ['paid → signing', FULL, OK],
    'reopening a lost case into any open stage needs nothing': ['lost → offer', NONE, OK],
    'moving to the same stage is refused': ['docs → docs', FULL, no('same_stage')],
    'an unknown target stage is refused': ['docs → nowhere', FULL, no('unknown_stage')],
    'an unknown source stage is refused': ['nowhere → docs', FULL, no('unknown_stage')],
  });
});

describe('manual: skipping allowed, required fields still checked', () => {
  each('manual', {
    'skipping open stages is allowed': ['first → signing', FULL, OK],
    'skipping does not dodge the required fields of the skipped stages': [
      'first → signing',
      NONE,
      no('missing_fields', ['amount', 'lender']),
    ],
    'won from any open stage': ['first → paid', FULL, OK],
    'the sub-status of the stage being left still gates': [
      'signing → paid',
      { ...FULL, contractStatus: 'in_progress' },
      no('missing_fields', ['contractStatus']),
    ],
    'the sub-status of a skipped stage does not gate (the stage was never worked)': [
      'offer → paid',
      { ...FULL, contractStatus: 'not_started' },
      OK,
    ],
    'backwards is allowed': ['signing → first', NONE, OK],
    'won is final: won → lost is refused': ['paid → lost (competitor)', FULL, no('final_stage')],
    'reopening a lost case is allowed': ['lost → first', NONE, OK],
    'lost needs a loss reason': ['first → lost', NONE, no('loss_reason', ['lossReason'])],
  });
});

describe('none: any move, only the loss reason is kept for the reports', () => {
  each('none', {
    'forwards, skipping, with nothing filled': ['first → signing', NONE, OK],
    'won from the first stage with nothing filled': ['first → paid', NONE, OK],
    'won → lost with a loss reason': ['paid → lost (competitor)', NONE, OK],
    'lost → won': ['lost → paid', NONE, OK],
    'lost still needs a loss reason from the list': [
      'first → lost (weather)',
      NONE,
      no('loss_reason', ['lossReason']),
    ],
    'moving to the same stage is still refused': ['first → first', NONE, no('same_stage')],
  });
});

describe('required fields of a lost stage', () => {
  const stages = STAGES.map((s) => (s.kind === 'lost' ? { ...s, requiredFields: ['lossNote'] } : s));
  const move = (controlMode: TControlMode, values: Record<string, unknown>, lossReason?: string) =>
    checkStageMove({
      pipeline: { controlMode, stages, lossReasons: ['competitor'] },
      fromKey: 'offer',
      toKey: 'lost',
      values,
      lossReason,
    });

  it('are checked in strict and manual mode, without those of the open stages', () => {
    expect(move('strict', {}, 'competitor')).toEqual(no('missing_fields', ['lossNote']));
    expect(move('manual', {}, 'competitor')).toEqual(no('missing_fields', ['lossNote']));
    expect(move('strict', { lossNote: 'went to the house bank' }, 'competitor')).toEqual(OK);
  });

  it('are named together with a missing loss reason', () => {
    expect(move('strict', {})).toEqual(no('loss_reason', ['lossReason', 'lossNote']));
  });

  it('are not checked in mode none', () => {
    expect(move('none', {}, 'competitor')).toEqual(OK);
  });
});

describe('a sub-status that is also a required field', () => {
  it('is named once when it is neither set nor final', () => {
    const stages = STAGES.map((s) => (s.key === 'paid' ? { ...s, requiredFields: ['contractStatus'] } : s));
    const result = checkStageMove({
      pipeline: { controlMode: 'strict', stages, lossReasons: [] },
      fromKey: 'signing',
      toKey: 'paid',
      values: { ...FULL, contractStatus: undefined },
    });
    expect(result).toEqual(no('missing_fields', ['contractStatus']));
  });
});

describe('isFilled', () => {
  it.each([
    [undefined, false],
    [null, false],
    ['', false],
    ['   ', false],
    [[], false],
    ['x', true],
    [0, true],
    [false, true],
    [['a'], true],
    [{ minor: 0, currency: 'EUR' }, true],
  ])('%j → %s', (value, filled) => {
    expect(isFilled(value)).toBe(filled);
  });
});

describe('validatePipeline', () => {
  const lossReasons = ['competitor'];
  const stage = (key: string, kind: TStage['kind'], extra: Partial<TStage> = {}): TStage => ({
    key,
    name: key,
    kind,
    requiredFields: [],
    fields: [],
    ...extra,
  });
  const substatus = (key: string, options = OPTIONS) => ({
    key,
    label: key,
    type: 'substatus' as const,
    options,
    finalToLeave: true,
  });
  const codes = (stages: TStage[], reasons = lossReasons) =>
    validatePipeline({ stages, lossReasons: reasons }).map((i) => `${i.field} ${i.code}`);

  it.each<[string, TStage[], string[], string[]]>([
    ['the test pipeline is valid', STAGES, lossReasons, []],
    ['a won stage and no lost stage needs no loss reasons', [stage('a', 'open'), stage('w', 'won')], [], []],
    [
      'the first stage must be open',
      [stage('w', 'won'), stage('a', 'open')],
      lossReasons,
      ['stages.0.kind first_not_open', 'stages.1.kind open_after_outcome'],
    ],
    [
      'open stages come before the outcomes',
      [stage('a', 'open'), stage('l', 'lost'), stage('b', 'open'), stage('w', 'won')],
      lossReasons,
      ['stages.2.kind open_after_outcome'],
    ],
    [
      'a pipeline needs a won stage',
      [stage('a', 'open'), stage('l', 'lost')],
      lossReasons,
      ['stages no_won_stage'],
    ],
    [
      'lost stages need loss reasons',
      [stage('a', 'open'), stage('w', 'won'), stage('l', 'lost')],
      [],
      ['lossReasons required'],
    ],
    [
      'loss reason keys are unique',
      [stage('a', 'open'), stage('w', 'won')],
      ['x', 'y', 'x'],
      ['lossReasons.2.key duplicate'],
    ],
    [
      'stage keys are unique',
      [stage('a', 'open'), stage('a', 'open'), stage('w', 'won')],
      lossReasons,
      ['stages.1.key duplicate'],
    ],
    [
      'required fields are listed once per stage',
      [stage('a', 'open', { requiredFields: ['amount', 'amount'] }), stage('w', 'won')],
      lossReasons,
      ['stages.0.requiredFields.1 duplicate'],
    ],
    [
      'a sub-status key is used by one stage only (a case holds one value per key)',
      [
        stage('a', 'open', { fields: [substatus('s')] }),
        stage('b', 'open', { fields: [substatus('s')] }),
        stage('w', 'won'),
      ],
      lossReasons,
      ['stages.1.fields.0.key duplicate'],
    ],
    [
      'sub-status option keys are unique',
      [stage('a', 'open', { fields: [substatus('s', [OPTIONS[0]!, OPTIONS[0]!])] }), stage('w', 'won')],
      lossReasons,
      ['stages.0.fields.0.options.1.key duplicate'],
    ],
  ])('%s', (_, stages, reasons, expected) => {
    expect(codes(stages, reasons)).toEqual(expected);
  });

  it('gives new cases the first stage', () => {
    expect(firstStage(pipeline('strict'))?.key).toBe('first');
    expect(firstStage({ stages: [] })).toBeUndefined();
  });
});
