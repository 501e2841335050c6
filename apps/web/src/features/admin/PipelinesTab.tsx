// The firm's pipelines: each with its control mode in words, its stages in order and its loss
// reasons; those with `settings:manage` create, change and delete them (the server refuses
// deleting a product kind's default pipeline, and says so).
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryListSection, Section } from '../../components/Section';
import { errorMessage } from '../../components/States';
import { api } from '../../lib/api';
import { can, useMe } from '../../lib/session';
import { AuditButton } from '../trash/AuditButton';
import { adminKeys, pipelinesQuery, type TPipeline } from './admin-api';
import { PipelineForm } from './PipelineForm';

export function PipelinesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(pipelinesQuery);
  const [creating, setCreating] = useState(false);
  const manage = can(me, 'settings:manage');
  return (
    <Stack>
      {manage ? (
        creating ? (
          <Section title={t('admin.pipelines.new')}>
            <PipelineForm onDone={() => setCreating(false)} />
          </Section>
        ) : (
          <Group>
            <Button onClick={() => setCreating(true)}>{t('admin.pipelines.new')}</Button>
          </Group>
        )
      ) : null}
      <QueryListSection
        title={t('admin.pipelines.title')}
        query={query}
        empty={t('admin.pipelines.empty')}
        item={(p) => <PipelineCard key={p.id} pipeline={p} manage={manage} />}
      />
    </Stack>
  );
}

function PipelineCard({ pipeline, manage }: { pipeline: TPipeline; manage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => api(`/pipelines/${pipeline.id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.pipelines }),
  });
  const confirmDelete = () => {
    if (window.confirm(t('admin.pipelines.confirmDelete', { name: pipeline.name }))) remove.mutate();
  };
  const name = { name: pipeline.name };
  return (
    <Card component="li" withBorder padding="sm" aria-label={pipeline.name}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{pipeline.name}</Text>
          <Badge variant="light">{t(`cases.productKinds.${pipeline.productKind}`)}</Badge>
          <Badge variant="outline">{t(`admin.pipelines.controlModes.${pipeline.controlMode}`)}</Badge>
          {pipeline.isDefault ? <Badge>{t('admin.pipelines.defaultBadge')}</Badge> : null}
        </Group>
        <Group gap="xs">
          <AuditButton entity="pipeline" id={pipeline.id} name={pipeline.name} />
          {manage ? (
            <Group gap="xs">
              {editing ? null : (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => setEditing(true)}
                  aria-label={t('admin.pipelines.editOf', name)}
                >
                  {t('admin.edit')}
                </Button>
              )}
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={confirmDelete}
                aria-label={t('admin.pipelines.deleteOf', name)}
              >
                {t('admin.delete')}
              </Button>
            </Group>
          ) : null}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t(`admin.pipelines.controlModeHelp.${pipeline.controlMode}`)}
      </Text>
      {remove.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(remove.error, t)}
        </Text>
      ) : null}
      {editing ? (
        <Stack mt="sm">
          <PipelineForm pipeline={pipeline} onDone={() => setEditing(false)} />
        </Stack>
      ) : (
        <PipelineDetails pipeline={pipeline} />
      )}
    </Card>
  );
}

function PipelineDetails({ pipeline }: { pipeline: TPipeline }) {
  const { t } = useTranslation();
  const stagesLabel = `${t('admin.pipelines.stages')}: ${pipeline.name}`;
  return (
    <Stack gap="xs" mt="xs">
      <Text size="sm" fw={600}>
        {t('admin.pipelines.stages')}
      </Text>
      <Stack component="ol" gap={4} m={0} pl="lg" aria-label={stagesLabel}>
        {pipeline.stages.map((s) => (
          <li key={s.key}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{s.name}</Text>
              <Badge size="sm" {...kindBadge(s.kind)}>
                {t(`admin.pipelines.stageKinds.${s.kind}`)}
              </Badge>
              {s.requiredFields.length > 0 ? (
                <Text size="xs" c="dimmed">
                  {t('admin.pipelines.requiredCount', { count: s.requiredFields.length })}
                </Text>
              ) : null}
            </Group>
            {s.fields.map((f) => (
              <Text key={f.key} size="xs" c="dimmed">
                {f.label}: {f.options.map((o) => o.label).join(' → ')}
                {f.finalToLeave ? ` (${t('admin.pipelines.finalBadge')})` : ''}
              </Text>
            ))}
          </li>
        ))}
      </Stack>
      <Text size="sm" fw={600}>
        {t('admin.pipelines.lossReasons')}
      </Text>
      {pipeline.lossReasons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.pipelines.noLossReasons')}
        </Text>
      ) : (
        <Group gap={4} wrap="wrap">
          {pipeline.lossReasons.map((r) => (
            <Badge key={r.key} variant="default">
              {r.name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

// Colours whose text keeps AA contrast on white (the theme darkens teal's light tint; red is shade 9).
function kindBadge(kind: TPipeline['stages'][number]['kind']) {
  if (kind === 'won') return { variant: 'light', color: 'teal' };
  if (kind === 'lost') return { variant: 'outline', color: 'red.9' };
  return { variant: 'default' };
}
