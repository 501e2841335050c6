// Pipelines: ordered stages a case moves through, and the rules of a move under each control mode.
// The rules (decided in pipelines.test.ts, one case per rule):
// - Stages are ordered: open stages first, then the outcomes (won and lost stages).
// - Backwards to an earlier open stage (rework) and reopening a won or lost case is allowed in every mode.
// - strict: forwards only to the next open stage; won only from the last open stage.
// - manual: forwards may skip open stages; won from any open stage.
// - strict and manual: a stage's required fields are needed to enter it and every later stage (they
//   accumulate, so skipping cannot dodge them); a sub-status marked `finalToLeave` must be in its
//   last option before the case moves on from its stage; won and lost are final (reopen first).
// - none: any move; no fields are checked.
// - Every mode: lost stages need a loss reason from the pipeline's list (win/loss reports rely on it).

import type { TControlMode, TStageKind } from '@kontor/contracts';

// The lists are in @kontor/contracts, so the web app's forms name the same ones.
export {
  CONTROL_MODES,
  PRODUCT_KINDS,
  STAGE_KINDS,
  type TControlMode,
  type TProductKind,
  type TStageKind,
} from '@kontor/contracts';

/** A sub-status of a stage, e.g. contract signing: not started / in progress / done. */
export type TStageField = {
  key: string;
  label: string;
  type: 'substatus';
  /** In order; the last one means the stage's work is complete. */
  options: { key: string; label: string }[];
  /** The case may move on from the stage only once this sub-status is in its last option. */
  finalToLeave: boolean;
};

/** One stage of a pipeline; `key` is stable, `name` is what people read. */
export type TStage = {
  key: string;
  name: string;
  kind: TStageKind;
  /** Field keys that must be filled to enter this stage and every later one. */
  requiredFields: string[];
  fields: TStageField[];
};

/** What the rules of a move need to know about a pipeline. */
export type TPipelineRules = {
  controlMode: TControlMode;
  stages: TStage[];
  /** Keys of the loss reasons a move to a lost stage may name. */
  lossReasons: string[];
};

/** Why a move was refused; the first that applies when several do. */
export type TMoveRefusal =
  | 'unknown_stage'
  | 'same_stage'
  | 'final_stage'
  | 'skipped_stages'
  | 'missing_fields'
  | 'loss_reason';

/** A move's verdict: a refusal names the fields to fill and the stages that would be skipped. */
export type TStageMoveResult =
  | { ok: true }
  | { ok: false; reason: TMoveRefusal; missingFields: string[]; skippedStages: string[] };

/** A move asked for: from one stage key to another, with the case's values. */
export type TStageMove = {
  pipeline: TPipelineRules;
  fromKey: string;
  toKey: string;
  /** The case's values by field key: its columns, custom fields and sub-statuses. */
  values: Record<string, unknown>;
  lossReason?: string | null;
};

/** Is a value filled in: not missing, not blank text, not an empty list? */
export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const refuse = (
  reason: TMoveRefusal,
  missingFields: string[] = [],
  skippedStages: string[] = [],
): TStageMoveResult => ({ ok: false, reason, missingFields, skippedStages });

const isFinal = (s: TStage) => s.kind !== 'open';

// Sub-statuses of the stage being left that must be complete first.
function unfinishedSubstatuses(stage: TStage, values: Record<string, unknown>): string[] {
  return stage.fields
    .filter((f) => f.finalToLeave && values[f.key] !== f.options.at(-1)?.key)
    .map((f) => f.key);
}

// Required fields of every open stage up to the target, and of the target itself.
function missingUpTo(stages: TStage[], to: number, values: Record<string, unknown>): string[] {
  const keys = stages.filter((s, i) => i === to || (i < to && !isFinal(s))).flatMap((s) => s.requiredFields);
  return [...new Set(keys)].filter((k) => !isFilled(values[k]));
}

// Open stages a forward move passes over: between the two, and after `from` for a move to won.
function skippedBy(stages: TStage[], from: number, to: number): string[] {
  const last = stages[to]!.kind === 'won' ? stages.length : to;
  return stages.filter((s, i) => i > from && i < last && !isFinal(s)).map((s) => s.key);
}

// A move forwards (to a later open stage or to won) under strict or manual control.
function checkForward(move: TStageMove, from: number, to: number): TStageMoveResult {
  const { stages, controlMode } = move.pipeline;
  const skipped = controlMode === 'strict' ? skippedBy(stages, from, to) : [];
  const missing = [
    ...new Set([
      ...missingUpTo(stages, to, move.values),
      ...unfinishedSubstatuses(stages[from]!, move.values),
    ]),
  ];
  if (skipped.length > 0) return refuse('skipped_stages', missing, skipped);
  if (missing.length > 0) return refuse('missing_fields', missing);
  return { ok: true };
}

// A move to a lost stage: a loss reason from the list, and the lost stage's own required fields.
function checkLoss(move: TStageMove, target: TStage): TStageMoveResult {
  const known = move.pipeline.lossReasons.includes(move.lossReason ?? '');
  const missing = move.pipeline.controlMode === 'none' ? [] : missingUpTo([target], 0, move.values);
  if (!known) return refuse('loss_reason', ['lossReason', ...missing]);
  return missing.length > 0 ? refuse('missing_fields', missing) : { ok: true };
}

/**
 * Whether a case may move from one stage to another under the pipeline's control mode; a refusal
 * names the missing fields and the skipped stages (see the rules at the top of this file).
 */
export function checkStageMove(move: TStageMove): TStageMoveResult {
  const { stages, controlMode } = move.pipeline;
  const from = stages.findIndex((s) => s.key === move.fromKey);
  const to = stages.findIndex((s) => s.key === move.toKey);
  if (from < 0 || to < 0) return refuse('unknown_stage');
  if (from === to) return refuse('same_stage');
  const source = stages[from]!;
  const target = stages[to]!;
  if (controlMode !== 'none') {
    // Backwards into the open stages: rework, or reopening a won or lost case.
    if (target.kind === 'open' && (to < from || isFinal(source))) return { ok: true };
    if (isFinal(source)) return refuse('final_stage');
  }
  if (target.kind === 'lost') return checkLoss(move, target);
  if (controlMode === 'none') return { ok: true };
  return checkForward(move, from, to);
}

/** The stage a new case starts in: the first one (always open, see validatePipeline). */
export function firstStage(pipeline: Pick<TPipelineRules, 'stages'>): TStage | undefined {
  return pipeline.stages[0];
}

/** A flaw in a pipeline's definition, named by its field path (e.g. `stages.2.key`). */
export type TPipelineIssue = { field: string; code: string; message: string };

function duplicates(keys: readonly string[]): number[] {
  const seen = new Set<string>();
  return keys.flatMap((k, i) => {
    if (seen.has(k)) return [i];
    seen.add(k);
    return [];
  });
}

function stageIssues(stages: readonly TStage[]): TPipelineIssue[] {
  const issues: TPipelineIssue[] = [];
  const dup = (field: string) => issues.push({ field, code: 'duplicate', message: 'used twice' });
  for (const i of duplicates(stages.map((s) => s.key))) dup(`stages.${i}.key`);
  // One value per sub-status on a case: two stages must not share a sub-status key.
  const fieldKeys = stages.flatMap((s, i) =>
    s.fields.map((f, j) => ({ key: f.key, at: `${i}.fields.${j}` })),
  );
  for (const i of duplicates(fieldKeys.map((f) => f.key))) dup(`stages.${fieldKeys[i]!.at}.key`);
  stages.forEach((s, i) => {
    for (const j of duplicates(s.requiredFields)) dup(`stages.${i}.requiredFields.${j}`);
    s.fields.forEach((f, j) => {
      for (const o of duplicates(f.options.map((x) => x.key)))
        dup(`stages.${i}.fields.${j}.options.${o}.key`);
    });
  });
  return issues;
}

/**
 * What is wrong with a pipeline's definition, each issue naming its field: an open first stage,
 * open stages before the outcomes, a won stage, loss reasons when there is a lost stage, unique keys.
 */
export function validatePipeline(p: Omit<TPipelineRules, 'controlMode'>): TPipelineIssue[] {
  const issues: TPipelineIssue[] = [];
  const { stages } = p;
  if (stages[0]?.kind !== 'open') {
    issues.push({ field: 'stages.0.kind', code: 'first_not_open', message: 'the first stage must be open' });
  }
  const firstOutcome = stages.findIndex(isFinal);
  stages.forEach((s, i) => {
    if (firstOutcome >= 0 && i > firstOutcome && s.kind === 'open') {
      issues.push({
        field: `stages.${i}.kind`,
        code: 'open_after_outcome',
        message: 'open stages come before the won and lost stages',
      });
    }
  });
  if (!stages.some((s) => s.kind === 'won')) {
    issues.push({ field: 'stages', code: 'no_won_stage', message: 'a pipeline needs a won stage' });
  }
  if (stages.some((s) => s.kind === 'lost') && p.lossReasons.length === 0) {
    issues.push({ field: 'lossReasons', code: 'required', message: 'lost stages need loss reasons' });
  }
  for (const i of duplicates(p.lossReasons)) {
    issues.push({ field: `lossReasons.${i}.key`, code: 'duplicate', message: 'used twice' });
  }
  return [...issues, ...stageIssues(stages)];
}
