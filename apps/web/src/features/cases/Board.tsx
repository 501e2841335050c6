// A pipeline as columns of cards. The columns scroll sideways inside their own area, so that the
// page itself never does, even on a phone.
import { Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import { CaseCard } from './CaseCard';
import { MoveNotice } from './MoveNotice';
import { useBoard } from './queries';
import type { TColumn, TPipeline } from './types';
import { useCardDrag } from './useCardDrag';
import { useCaseMove } from './useCaseMove';

const COLUMN_WIDTH = 272;

export function Board({ pipeline }: { pipeline: TPipeline }) {
  const { t } = useTranslation();
  const me = useMe();
  const canMove = can(me, 'cases:edit');
  const board = useBoard(pipeline.id);
  const { nameOf } = useUsers();
  const { move, notice, clear, pendingId } = useCaseMove(pipeline.stages);
  const columns = board.data?.columns ?? [];
  const { drag, handlers } = useCardDrag((cardId, stageKey) => {
    const card = columns.flatMap((c) => c.items).find((c) => c.id === cardId);
    const stage = pipeline.stages.find((s) => s.key === stageKey);
    if (card && stage) move(card, stage);
  });

  if (board.isPending) return <LoadingState />;
  if (board.isError) return <ErrorState error={board.error} onRetry={() => void board.refetch()} />;
  return (
    <Stack gap="sm">
      <MoveNotice notice={notice} onClose={clear} />
      <ScrollArea type="auto" offsetScrollbars aria-label={t('cases.board', { pipeline: pipeline.name })}>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
          {columns.map((column) => (
            <Column key={column.stage.key} column={column} highlighted={drag?.over === column.stage.key}>
              {column.items.map((card) => (
                <CaseCard
                  key={card.id}
                  card={card}
                  stage={column.stage.key}
                  pipeline={pipeline}
                  ownerName={nameOf(card.ownerId)}
                  canMove={canMove}
                  busy={pendingId === card.id}
                  offset={drag?.cardId === card.id ? drag : null}
                  dragHandlers={handlers(card.id, column.stage.key)}
                  onMove={(stage, lossReason) => move(card, stage, lossReason)}
                />
              ))}
            </Column>
          ))}
        </Group>
      </ScrollArea>
    </Stack>
  );
}

type TColumnProps = { column: TColumn; highlighted: boolean; children: React.ReactNode };

function Column({ column, highlighted, children }: TColumnProps) {
  const { t } = useTranslation();
  const { stage, count, items } = column;
  return (
    <Paper
      component="section"
      aria-label={stage.name}
      data-drop-stage={stage.key}
      withBorder
      radius="md"
      p="xs"
      w={COLUMN_WIDTH}
      miw={COLUMN_WIDTH}
      bg={highlighted ? 'teal.0' : 'gray.0'}
      style={{ outline: highlighted ? '2px dashed var(--mantine-color-teal-6)' : undefined }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" lineClamp={1}>
          {stage.name}
        </Title>
        <Badge variant="light" color={stage.kind === 'won' ? 'teal' : stage.kind === 'lost' ? 'red' : 'gray'}>
          {t('cases.cardCount', { count })}
        </Badge>
      </Group>
      <Stack gap="xs" mih={60}>
        {items.length === 0 ? <EmptyState>{t('cases.emptyColumn')}</EmptyState> : children}
        {items.length < count ? (
          <Text size="xs" c="dimmed" ta="center">
            {t('cases.shownOf', { shown: items.length, count })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
