// The tasks of a case (a titled section): open ones first by due date, marking one done, deleting one (to the trash)
// and adding one with a due date and an assignee, checked as typed against ZCreateTask.
import { ZCreateTask } from '@kontor/contracts';
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { QueryListSection } from '../../components/Section';
import { api, queryString } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import type { TPage, TTask } from './types';

const keyOf = (caseId: string) => ['tasks', 'case', caseId];

function TaskItem({ task, caseId }: { task: TTask; caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { nameOf } = useUsers();
  const client = useQueryClient();
  const settled = () => client.invalidateQueries({ queryKey: keyOf(caseId) });
  const done = useMutation({
    mutationFn: (next: boolean) =>
      api(`/tasks/${task.id}`, { method: 'PATCH', body: { status: next ? 'done' : 'open' } }),
    onSettled: settled,
  });
  const remove = useMutation({
    mutationFn: () => api(`/tasks/${task.id}`, { method: 'DELETE' }),
    onSettled: settled,
  });
  // The box follows the click at once (the mutation's own state arrives a moment later), and
  // keeps it until the list is read again after the save.
  const [ticked, setTicked] = useState<boolean | null>(null);
  const isDone = ticked ?? task.status === 'done';
  return (
    <li>
      <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
        <Checkbox
          label={task.title}
          aria-label={t('cases.markDone', { title: task.title })}
          checked={isDone}
          disabled={!can(me, 'tasks:edit') || task.status === 'cancelled'}
          onChange={(e) => {
            const next = e.currentTarget.checked;
            setTicked(next);
            done.mutate(next, { onSettled: () => setTicked(null) });
          }}
          styles={{ label: { overflowWrap: 'anywhere' } }}
        />
        {can(me, 'tasks:delete') ? (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('cases.deleteTask', { title: task.title })}
            loading={remove.isPending}
            onClick={() => remove.mutate()}
          >
            ×
          </ActionIcon>
        ) : null}
      </Group>
      <Group gap="xs" pl={32} wrap="wrap">
        <Text size="xs" c="dimmed">
          {nameOf(task.assigneeId)}
          {task.dueAt ? ` · ${t('cases.dueOn', { date: formatDate(task.dueAt) })}` : ''}
          {task.doneAt ? ` · ${t('cases.doneOn', { date: formatDate(task.doneAt) })}` : ''}
        </Text>
        {task.overdue ? (
          <Badge size="xs" color="red" variant="light">
            {t('cases.overdue')}
          </Badge>
        ) : null}
      </Group>
      <FormError error={done.error ?? remove.error} fields={[]} />
    </li>
  );
}

export function CaseTasks({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const q = useQuery({
    queryKey: keyOf(caseId),
    queryFn: () => api<TPage<TTask>>(`/tasks${queryString({ caseId, limit: 100 })}`),
  });
  return (
    <QueryListSection
      title={t('cases.tasks')}
      query={{ ...q, data: q.data?.items }}
      empty={t('cases.noTasks')}
      item={(task) => <TaskItem key={task.id} task={task} caseId={caseId} />}
    >
      {can(me, 'tasks:create') ? <NewTask caseId={caseId} /> : null}
    </QueryListSection>
  );
}

type TValues = { title: string; due: string; assigneeId: string };

// A due date is the end of that day where the user is.
function toBody(caseId: string, v: TValues) {
  return {
    caseId,
    title: v.title,
    dueAt: /^\d{4}-\d{2}-\d{2}$/.test(v.due) ? new Date(`${v.due}T23:59:00`).toISOString() : undefined,
    assigneeId: v.assigneeId || undefined,
  };
}

function NewTask({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { users, allowed } = useUsers();
  const client = useQueryClient();
  const initial: TValues = { title: '', due: '', assigneeId: me.user.id };
  const add = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => api<TTask>('/tasks', { method: 'POST', body }),
    onSuccess: () => {
      form.reset(initial);
      return client.invalidateQueries({ queryKey: keyOf(caseId) });
    },
  });
  const form = useSchemaForm(ZCreateTask, initial, (v) => toBody(caseId, v), add.error);
  const active = users.filter((u) => u.status === 'active');
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('cases.newTask')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) add.mutate(toBody(caseId, form.values));
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: allowed ? 3 : 2 }} spacing="sm">
        <TextInput
          label={t('cases.taskTitle')}
          value={form.values.title}
          onChange={(e) => form.set('title', e.currentTarget.value)}
          error={form.error('title')}
        />
        <TextInput
          type="date"
          label={t('cases.dueDate')}
          value={form.values.due}
          onChange={(e) => form.set('due', e.currentTarget.value)}
          error={form.error('dueAt')}
        />
        {allowed ? (
          <NativeSelect
            label={t('cases.assignee')}
            value={form.values.assigneeId}
            onChange={(e) => form.set('assigneeId', e.currentTarget.value)}
            error={form.error('assigneeId')}
            data={active.map((u) => ({ value: u.id, label: u.displayName }))}
          />
        ) : null}
      </SimpleGrid>
      <FormError error={add.error} fields={['title', 'dueAt', 'assigneeId']} />
      <Button type="submit" loading={add.isPending} w="fit-content">
        {t('cases.addTask')}
      </Button>
    </Stack>
  );
}
