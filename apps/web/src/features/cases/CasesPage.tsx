// The cases screen: a pipeline picked, then its board (drag or "Move to…") or a list.
import { Group, NativeSelect, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { Board } from './Board';
import { CaseList } from './CaseList';
import { usePipelines } from './queries';

export function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const pipelines = usePipelines();
  const [picked, setPicked] = useState<string | null>(null);
  const [view, setView] = useState<'board' | 'list'>('board');
  const items = pipelines.data?.items ?? [];
  const pipeline = items.find((p) => p.id === picked) ?? items.find((p) => p.isDefault) ?? items[0];

  return (
    <Stack gap="md" miw={0}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="center">
          <Title order={1}>{t('cases.title')}</Title>
          {can(me, 'cases:create') ? (
            <ButtonLink to="/cases/new" search={{}} variant="light">
              {t('cases.newCase')}
            </ButtonLink>
          ) : null}
        </Group>
        {pipeline ? (
          <Group gap="sm" align="flex-end">
            <NativeSelect
              label={t('cases.pipeline')}
              value={pipeline.id}
              onChange={(e) => setPicked(e.currentTarget.value)}
              data={items.map((p) => ({ value: p.id, label: p.name }))}
            />
            <SegmentedControl
              aria-label={t('cases.view')}
              value={view}
              onChange={(v) => setView(v === 'list' ? 'list' : 'board')}
              data={[
                { value: 'board', label: t('cases.viewBoard') },
                { value: 'list', label: t('cases.viewList') },
              ]}
            />
          </Group>
        ) : null}
      </Group>
      {pipelines.isPending ? (
        <LoadingState />
      ) : pipelines.isError ? (
        <ErrorState error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : !pipeline ? (
        <EmptyState>{t('cases.noPipelines')}</EmptyState>
      ) : view === 'board' ? (
        <Board key={pipeline.id} pipeline={pipeline} />
      ) : (
        <CaseList pipeline={pipeline} />
      )}
    </Stack>
  );
}
