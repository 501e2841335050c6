// What the pipeline form holds while the user edits it, and the request body made from it. Keys
// follow their name as it is typed until the user edits the key itself; keys of stages loaded from
// the server stay put, because the server matches stages by key (a new key would be a new stage).
import type { TCreatePipelineBody, TUpdatePipelineBody } from '@kontor/contracts';
import { snakeKey, type TControlMode, type TPipeline, type TProductKind, type TStageKind } from './admin-api';

export type TKeyed = { uid: string; key: string; keyEdited: boolean };
export type TOptionDraft = TKeyed & { label: string };
export type TSubStatusDraft = TKeyed & { label: string; finalToLeave: boolean; options: TOptionDraft[] };
export type TStageDraft = TKeyed & {
  name: string;
  kind: TStageKind;
  requiredFields: string[];
  fields: TSubStatusDraft[];
};
export type TLossDraft = TKeyed & { name: string };

export type TPipelineDraft = {
  key: string;
  keyEdited: boolean;
  name: string;
  productKind: TProductKind;
  controlMode: TControlMode;
  isDefault: boolean;
  stages: TStageDraft[];
  lossReasons: TLossDraft[];
};

let counter = 0;
/** A React key for a row that has none from the server yet. */
export const uid = () => `row-${++counter}`;

const keyed = (key: string, keyEdited: boolean): TKeyed => ({ uid: uid(), key, keyEdited });

/** Renames a row; its key follows the new name unless the user has set the key. */
export function renamed<T extends TKeyed>(row: T, field: 'name' | 'label', text: string): T {
  return { ...row, [field]: text, key: row.keyEdited ? row.key : snakeKey(text) };
}

export const newOption = (): TOptionDraft => ({ ...keyed('', false), label: '' });
export const newSubStatus = (): TSubStatusDraft => ({
  ...keyed('', false),
  label: '',
  finalToLeave: false,
  options: [newOption(), newOption()],
});
export const newStage = (kind: TStageKind = 'open'): TStageDraft => ({
  ...keyed('', false),
  name: '',
  kind,
  requiredFields: [],
  fields: [],
});
export const newLossReason = (): TLossDraft => ({ ...keyed('', false), name: '' });

export function emptyDraft(): TPipelineDraft {
  return {
    key: '',
    keyEdited: false,
    name: '',
    productKind: 'mortgage',
    controlMode: 'strict',
    isDefault: false,
    stages: [newStage('open'), newStage('won')],
    lossReasons: [],
  };
}

export function draftOf(p: TPipeline): TPipelineDraft {
  return {
    key: p.key,
    keyEdited: true,
    name: p.name,
    productKind: p.productKind,
    controlMode: p.controlMode,
    isDefault: p.isDefault,
    stages: p.stages.map((s) => ({
      ...keyed(s.key, true),
      name: s.name,
      kind: s.kind,
      requiredFields: s.requiredFields,
      fields: s.fields.map((f) => ({
        ...keyed(f.key, true),
        label: f.label,
        finalToLeave: f.finalToLeave,
        options: f.options.map((o) => ({ ...keyed(o.key, true), label: o.label })),
      })),
    })),
    lossReasons: p.lossReasons.map((r) => ({ ...keyed(r.key, true), name: r.name })),
  };
}

function definitionOf(d: TPipelineDraft) {
  return {
    name: d.name,
    controlMode: d.controlMode,
    isDefault: d.isDefault,
    stages: d.stages.map((s) => ({
      key: s.key,
      name: s.name,
      kind: s.kind,
      requiredFields: s.requiredFields,
      fields: s.fields.map((f) => ({
        key: f.key,
        label: f.label,
        type: 'substatus' as const,
        options: f.options.map((o) => ({ key: o.key, label: o.label })),
        finalToLeave: f.finalToLeave,
      })),
    })),
    lossReasons: d.lossReasons.map((r) => ({ key: r.key, name: r.name })),
  };
}

export const createBody = (d: TPipelineDraft): TCreatePipelineBody => ({
  key: d.key,
  productKind: d.productKind,
  ...definitionOf(d),
});

export const updateBody = (d: TPipelineDraft): TUpdatePipelineBody => definitionOf(d);

/** The list with the row at `index` swapped with its neighbour `by` places away. */
export function moved<T>(list: T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

export const replaced = <T>(list: T[], index: number, row: T): T[] =>
  list.map((r, i) => (i === index ? row : r));

export const without = <T>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);
