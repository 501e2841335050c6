// The shapes of the cases API as this feature reads them (see apps/server/src/features/cases).
export type TMoney = { minor: number; currency: string };
export type TStageKind = 'open' | 'won' | 'lost';
export type TStageRef = { key: string; name: string; kind: TStageKind };

export type TPipeline = {
  id: string;
  key: string;
  name: string;
  productKind: string;
  controlMode: 'strict' | 'manual' | 'none';
  isDefault: boolean;
  stages: TPipelineStage[];
  lossReasons: { key: string; name: string }[];
};

/** A sub-status of a stage: ordered options, the last one meaning the stage's work is done. */
export type TStageField = {
  key: string;
  label: string;
  type: 'substatus';
  options: { key: string; label: string }[];
  finalToLeave?: boolean;
};
export type TPipelineStage = TStageRef & {
  position: number;
  requiredFields: string[];
  fields?: TStageField[];
};

export type TCard = {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  productKind: string;
  amount: TMoney | null;
  ownerId: string;
  executorId: string;
  stageChangedAt: string;
  closedAt: string | null;
};

export type TColumn = { stage: TStageRef; count: number; items: TCard[] };
export type TBoard = { pipeline: { id: string; key: string; name: string }; columns: TColumn[] };

export type TCase = {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  productKind: string;
  amount: TMoney | null;
  termMonths: number | null;
  purpose: string;
  lender: string | null;
  product: string | null;
  propertyValue: TMoney | null;
  platformReference: string | null;
  pipelineId: string;
  stage: TStageRef;
  stageValues: Record<string, string>;
  coExecutorIds: string[];
  applicants: TApplicant[];
  custom: Record<string, unknown>;
  stageChangedAt: string;
  lossReason: string | null;
  ownerId: string;
  executorId: string;
  createdAt: string;
};

export type TApplicantRole = 'applicant' | 'co_applicant' | 'guarantor' | 'employer' | 'representative';
export type TApplicant = { clientId: string; role: TApplicantRole; name: string };

export type TCustomField = {
  id: string;
  key: string;
  label: string;
  type: 'text' | 'number' | 'money' | 'date' | 'choice' | 'multi_choice' | 'yes_no';
  options: string[];
  required: boolean;
  position: number;
};

export type TTask = {
  id: string;
  title: string;
  dueAt: string | null;
  overdue: boolean;
  assigneeId: string;
  status: 'open' | 'done' | 'cancelled';
  doneAt: string | null;
};

export type TStageMove = {
  from: string | null;
  to: string;
  lossReason: string | null;
  at: string;
  by: string | null;
  onBehalfOf: string | null;
};
export type TCaseWithHistory = TCase & { stageHistory: TStageMove[] };

export type { TUser } from '../../lib/users';
export type TComment = {
  id: string;
  authorId: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
};
export type TChecklistItem = {
  id: string;
  title: string;
  position: number;
  done: boolean;
  doneAt: string | null;
};
export type TPage<T> = { items: T[]; nextCursor: string | null };
