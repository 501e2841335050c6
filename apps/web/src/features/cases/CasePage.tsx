// One case: its facts (editable), stage (with a Move menu, sub-statuses, what the next stage
// needs, and the history), people, further clients, checklist, tasks, documents and comments.
import { Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { ApiError } from '../../lib/api';
import { formatDate, formatMoney } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { CaseActivities } from '../activities/CaseActivities';
import { CaseCommission } from '../commissions/CaseCommission';
import { AuditTrail } from '../trash/AuditTrail';
import { Applicants } from './Applicants';
import { AssignForm } from './AssignForm';
import { CaseDocuments } from './CaseDocuments';
import { CaseFactsForm } from './CaseFactsForm';
import { CaseTasks } from './CaseTasks';
import { Checklist } from './Checklist';
import { CoExecutors } from './CoExecutors';
import { Comments } from './Comments';
import { MoveMenu } from './MoveMenu';
import { MoveNotice } from './MoveNotice';
import { useCase, usePipelines } from './queries';
import { StageFields } from './StageFields';
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
      <Fact label={t('cases.fields.propertyValue')}>
        {kase.propertyValue ? formatMoney(kase.propertyValue.minor, kase.propertyValue.currency) : '—'}
      </Fact>
      <Fact label={t('cases.fields.platformReference')}>{kase.platformReference ?? '—'}</Fact>
      <Fact label={t('cases.opened')}>{formatDate(kase.createdAt)}</Fact>
    </SimpleGrid>
  );
}

function Details({ kase }: { kase: TCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  if (editing) return <CaseFactsForm kase={kase} onDone={() => setEditing(false)} />;
  return (
    <Stack gap="md">
      <Facts kase={kase} />
      {can(me, 'cases:edit') ? (
        <Button variant="light" w="fit-content" onClick={() => setEditing(true)}>
          {t('cases.editDetails')}
        </Button>
      ) : null}
    </Stack>
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
          <Details kase={kase} />
        </Section>
        {pipeline ? (
          <Section title={t('cases.stageStatus')}>
            <StageFields kase={kase} pipeline={pipeline} />
          </Section>
        ) : null}
        <Section title={t('cases.people')}>
          <AssignForm kase={kase} />
        </Section>
        <Section title={t('cases.coExecutors')}>
          <CoExecutors kase={kase} />
        </Section>
        <Section title={t('cases.applicants')}>
          <Applicants kase={kase} />
        </Section>
        <Section title={t('cases.history')}>
          <StageHistory history={q.data.stageHistory} pipeline={pipeline} />
        </Section>
        <Section title={t('cases.checklist')}>
          <Checklist caseId={kase.id} />
        </Section>
        {can(me, 'tasks:view') ? <CaseTasks caseId={kase.id} /> : null}
        {can(me, 'documents:view') ? (
          <Section title={t('cases.documents')}>
            <CaseDocuments caseId={kase.id} />
          </Section>
        ) : null}
      </SimpleGrid>
      <Section title={t('cases.comments')}>
        <Comments caseId={kase.id} />
      </Section>
      {can(me, 'activities:view') ? <CaseActivities caseId={kase.id} clientId={kase.clientId} /> : null}
      {can(me, 'commissions:view') ? <CaseCommission caseId={kase.id} /> : null}
      {can(me, 'audit:view') ? (
        <Section title={t('trash.audit.title')}>
          <AuditTrail entity="case" id={kase.id} />
        </Section>
      ) : null}
    </Stack>
  );
}
