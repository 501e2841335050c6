// One stage move from the board or the list, and what to tell the user afterwards: done, refused
// with what is missing, or failed. The card moves by the refetch, never before the server agrees.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/States';
import { useMoveStage } from './queries';
import { isRefusal, refusalLines } from './refusal';
import type { TStageRef } from './types';

export type TMoveNotice = {
  caseId: string;
  kind: 'moved' | 'refused' | 'failed';
  title: string;
  lines: string[];
};

export function useCaseMove(stages: TStageRef[]) {
  const { t } = useTranslation();
  const mutation = useMoveStage();
  const [notice, setNotice] = useState<TMoveNotice | null>(null);

  const move = (card: { id: string; number: string }, stage: TStageRef, lossReason?: string) => {
    setNotice(null);
    mutation.mutate(
      { caseId: card.id, stage: stage.key, lossReason },
      {
        onSuccess: () =>
          setNotice({
            caseId: card.id,
            kind: 'moved',
            title: t('cases.moved', { number: card.number, stage: stage.name }),
            lines: [],
          }),
        onError: (error) =>
          setNotice(
            isRefusal(error)
              ? {
                  caseId: card.id,
                  kind: 'refused',
                  title: t('cases.refused', { number: card.number, stage: stage.name }),
                  lines: refusalLines(error, stages, t),
                }
              : { caseId: card.id, kind: 'failed', title: errorMessage(error, t), lines: [] },
          ),
      },
    );
  };

  const pendingId = mutation.isPending ? mutation.variables?.caseId : undefined;
  return { move, notice, clear: () => setNotice(null), pendingId };
}
