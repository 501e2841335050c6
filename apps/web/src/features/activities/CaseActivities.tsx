// A case's calls, meetings, e-mails, notes and planned interactions, newest first, with recording
// a new one on this case and actions on each.
import { Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CardList, Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { ActivityActions } from './ActivityActions';
import { ActivityLine } from './ActivityLine';
import { caseActivitiesQuery } from './activities-api';
import { RecordActivity } from './RecordActivity';

function CaseActivityList({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useQuery(caseActivitiesQuery(caseId));
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <EmptyState>{t('activities.none')}</EmptyState>;
  return (
    <CardList label={t('activities.listLabel')}>
      {q.data.items.map((a) => (
        <li key={a.id}>
          <Paper withBorder p="sm" radius="md">
            <Stack gap={4}>
              <ActivityLine activity={a} />
              <ActivityActions id={a.id} kind={a.kind} done={a.done} />
            </Stack>
          </Paper>
        </li>
      ))}
    </CardList>
  );
}

export function CaseActivities({ caseId, clientId }: { caseId: string; clientId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Section title={t('activities.title')}>
      <Stack gap="md">
        {can(me, 'activities:create') ? <RecordActivity clientId={clientId} caseId={caseId} /> : null}
        <CaseActivityList caseId={caseId} />
      </Stack>
    </Section>
  );
}
