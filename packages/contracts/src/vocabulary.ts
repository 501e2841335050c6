// The closed lists both the server's schemas and the web app's forms name. They live here, not in
// @kontor/domain (which re-exports them), because domain depends on contracts, not the other way.

/** Kinds of product a case (and so a pipeline) is about. */
export const PRODUCT_KINDS = [
  'mortgage',
  'follow_up_financing',
  'consumer_loan',
  'insurance',
  'investment',
  'leasing',
  'other',
] as const;
export type TProductKind = (typeof PRODUCT_KINDS)[number];

/** How strictly a pipeline checks moves: the rules are in @kontor/domain's pipelines.ts. */
export const CONTROL_MODES = ['strict', 'manual', 'none'] as const;
export type TControlMode = (typeof CONTROL_MODES)[number];

/** Open stages are worked through in order; won and lost stages end a case. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type TStageKind = (typeof STAGE_KINDS)[number];

/** 'when_paid' lines become payable as the lender pays the case's income. */
export const PAYOUT_MODES = ['when_earned', 'when_paid'] as const;
export type TPayoutMode = (typeof PAYOUT_MODES)[number];

/** 'pro_rata' claws back the share of whole liability months not served. */
export const CLAWBACK_MODES = ['full', 'pro_rata'] as const;
export type TClawbackMode = (typeof CLAWBACK_MODES)[number];

export const LINE_KINDS = ['income', 'partner', 'extra', 'advisor', 'lead_override'] as const;
export type TLineKind = (typeof LINE_KINDS)[number];

/** What a statement entry does: pay, release a reserve, or claw back (negative). */
export const ENTRY_KINDS = ['payout', 'reserve_release', 'clawback'] as const;
export type TEntryKind = (typeof ENTRY_KINDS)[number];
