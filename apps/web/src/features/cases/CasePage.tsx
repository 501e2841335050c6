// One case: its facts, stage (with a Move menu and the history), people, comments and checklist.
import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { ApiError } from '../../lib/api';
import { formatDate, formatMoney } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { AuditTrail } from '../trash/AuditTrail';
import { AssignForm } from './AssignForm';
import { Checklist } from './Checklist';
import { Comments } from './Comments';
import { MoveMenu } from './MoveMenu';
import { MoveNotice } from './MoveNotice';
import { useCase, usePipelines } from './queries';
import { StageHistory } from './StageHistory';
import type { TCase, TPipeline } from './types';
import { useCaseMove } from './useCaseMove';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="sm">
        {children}
      </Text>
    </div>
  );
}

function Facts({ kase }: { kase: TCase }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
      <Fact label={t('cases.client')}>
        <AnchorLink to="/clients/$clientId" params={{ clientId: kase.clientId }}>
          {kase.clientName}
        </AnchorLink>
      </Fact>
      <Fact label={t('cases.productKind')}>{t(`cases.productKinds.${kase.productKind}`)}</Fact>
      <Fact label={t('cases.amount')}>
        {kase.amount ? formatMoney(kase.amount.minor, kase.amount.currency) : '—'}
      </Fact>
      <Fact label={t('cases.product')}>{kase.product ?? '—'}</Fact>
      <Fact label={t('cases.lender')}>{kase.lender ?? '—'}</Fact>
      <Fact label={t('cases.term')}>
        {kase.termMonths ? t('cases.termMonths', { count: kase.termMonths }) : '—'}
      </Fact>
      <Fact label={t('cases.purpose')}>{kase.purpose || '—'}</Fact>
      <Fact label={t('cases.opened')}>{formatDate(kase.createdAt)}</Fact>
    </SimpleGrid>
  );
}

function StageBar({ kase, pipeline }: { kase: TCase; pipeline: TPipeline | undefined }) {
  const me = useMe();
  const { move, notice, clear, pendingId } = useCaseMove(pipeline?.stages ?? []);
  const color = kase.stage.kind === 'won' ? 'teal' : kase.stage.kind === 'lost' ? 'red' : 'blue';
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Badge size="lg" variant="light" color={color}>
          {kase.stage.name}
        </Badge>
        {pipeline && can(me, 'cases:edit') ? (
          <MoveMenu
            number={kase.number}
            current={kase.stage.key}
            pipeline={pipeline}
            disabled={pendingId === kase.id}
            onMove={(stage, lossReason) => move(kase, stage, lossReason)}
          />
        ) : null}
      </Group>
      <MoveNotice notice={notice} onClose={clear} />
    </Stack>
  );
}

export function CasePage() {
  const me = useMe();
  const { caseId } = useParams({ from: '/signed-in/cases/$caseId' });
  const { t } = useTranslation();
  const q = useCase(caseId);
  const pipelines = usePipelines();
  if (q.isPending) return <LoadingState />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404)
      return <EmptyState>{t('cases.notFound')}</EmptyState>;
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const kase = q.data;
  const pipeline = pipelines.data?.items.find((p) => p.id === kase.pipelineId);
  return (
    <Stack gap="lg">
      <AnchorLink to="/cases" size="sm">
        {t('cases.allCases')}
      </AnchorLink>
      <Title order={1}>{kase.number}</Title>
      <StageBar kase={kase} pipeline={pipeline} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t('cases.details')}>
          <Facts kase={kase} />
        </Section>
        <Section title={t('cases.people')}>
          <AssignForm kase={kase} />
        </Section>
        <Section title={t('cases.history')}>
          <StageHistory history={q.data.stageHistory} pipeline={pipeline} />
        </Section>
        <Section title={t('cases.checklist')}>
          <Checklist caseId={kase.id} />
        </Section>
      </SimpleGrid>
      <Section title={t('cases.comments')}>
        <Comments caseId={kase.id} />
      </Section>
      {can(me, 'audit:view') ? (
        <Section title={t('trash.audit.title')}>
          <AuditTrail entity="case" id={kase.id} />
        </Section>
      ) : null}
    </Stack>
  );
}
