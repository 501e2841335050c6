// One case on the board: number (to the case), client, amount, owner, and the Move menu.
import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { formatMoney } from '../../lib/format';
import { MoveMenu } from './MoveMenu';
import type { TCard, TPipeline, TStageRef } from './types';

type TProps = {
  card: TCard;
  stage: string;
  pipeline: TPipeline;
  ownerName: string;
  canMove: boolean;
  busy: boolean;
  offset: { dx: number; dy: number } | null;
  dragHandlers: React.HTMLAttributes<HTMLElement>;
  onMove: (stage: TStageRef, lossReason?: string) => void;
};

export function CaseCard({
  card,
  stage,
  pipeline,
  ownerName,
  canMove,
  busy,
  offset,
  dragHandlers,
  onMove,
}: TProps) {
  const { t } = useTranslation();
  const dragging = offset !== null;
  return (
    <Card
      component="article"
      aria-label={card.number}
      aria-busy={busy || undefined}
      withBorder
      radius="md"
      padding="sm"
      shadow={dragging ? 'lg' : undefined}
      style={{
        transform: dragging ? `translate(${offset.dx}px, ${offset.dy}px)` : undefined,
        zIndex: dragging ? 10 : undefined,
        position: 'relative',
        cursor: canMove ? 'grab' : undefined,
        opacity: busy ? 0.6 : 1,
        userSelect: 'none',
      }}
      {...(canMove ? dragHandlers : {})}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <AnchorLink to="/cases/$caseId" params={{ caseId: card.id }} fw={600} size="sm">
            {card.number}
          </AnchorLink>
          {canMove ? (
            // A grip for touch: only here does a finger drag instead of scrolling the page.
            <Text
              data-drag-handle
              aria-hidden
              c="dimmed"
              px={6}
              style={{ touchAction: 'none', cursor: 'grab' }}
            >
              ⠿
            </Text>
          ) : null}
        </Group>
        <Text size="sm" lineClamp={1}>
          {card.clientName}
        </Text>
        <Text size="sm" fw={600}>
          {card.amount ? formatMoney(card.amount.minor, card.amount.currency) : '—'}
        </Text>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {t('cases.owner')}: {ownerName}
        </Text>
        {canMove ? (
          <Group justify="flex-end">
            <MoveMenu
              number={card.number}
              current={stage}
              pipeline={pipeline}
              disabled={busy}
              onMove={onMove}
            />
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
