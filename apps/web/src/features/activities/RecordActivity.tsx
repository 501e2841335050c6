// Recording a call, meeting, e-mail, note or planned interaction on a client (and optionally one of
// their cases), answering an earlier one, or changing one. Checked as the user types against the
// server's own schema; what was typed stays when the server refuses it.
import {
  ACTIVITY_KINDS,
  DIRECTIONS,
  type TActivityKind,
  ZCreateActivity,
  ZUpdateActivity,
} from '@kontor/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { type TSchemaForm, useSchemaForm } from '../../lib/form';
import { useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import { instantOf, localInputOf, refreshActivities, type TActivity } from './activities-api';

export type TCaseOption = { id: string; label: string };
type TProps = {
  clientId: string;
  /** The case page's case: fixed. */
  caseId?: string;
  /** The client's cases to pick from (client page). */
  cases?: TCaseOption[];
  /** Changing this one. */
  editing?: TActivity;
  /** Answering this one. */
  replyTo?: TActivity;
  onDone?: () => void;
};

const withDirection = (kind: string) => kind === 'call' || kind === 'email';
// An answer goes the other way: a call we made is answered by the client, and so on.
const OPPOSITE = { inbound: 'outbound', outbound: 'inbound', internal: 'internal' } as const;

function initialOf(meId: string, p: TProps) {
  const from = p.editing ?? p.replyTo;
  const kind: TActivityKind = from?.kind ?? 'call';
  const direction =
    p.editing?.direction ?? (p.replyTo?.direction ? OPPOSITE[p.replyTo.direction] : 'outbound');
  const subject = p.replyTo ? `Re: ${p.replyTo.subject.replace(/^Re: /, '')}` : (p.editing?.subject ?? '');
  return {
    kind: kind as string,
    direction: direction as string,
    subject: p.replyTo && !p.replyTo.subject ? '' : subject,
    body: p.editing?.body ?? '',
    when: localInputOf(
      p.editing
        ? p.editing.plannedAt && !p.editing.done
          ? p.editing.plannedAt
          : p.editing.occurredAt
        : null,
    ),
    ownerId: p.editing?.ownerId ?? meId,
    caseId: p.caseId ?? p.replyTo?.caseId ?? '',
  };
}
type TValues = ReturnType<typeof initialOf>;

function toBodyOf(p: TProps) {
  return (v: TValues) => {
    const common = {
      kind: v.kind,
      direction: withDirection(v.kind) ? v.direction : null,
      subject: v.subject,
      body: v.body,
      ownerId: v.ownerId,
      ...(v.kind === 'planned' ? { plannedAt: instantOf(v.when) } : { occurredAt: instantOf(v.when) }),
    };
    // A planned one changed into something else has happened.
    if (p.editing)
      return { ...common, ...(p.editing.kind === 'planned' && v.kind !== 'planned' && { done: true }) };
    if (p.replyTo) return { ...common, replyToId: p.replyTo.id };
    return { ...common, clientId: p.clientId, caseId: v.caseId || null };
  };
}

/** Kind, direction, when, owner and case: the choices above the subject and notes. */
function ActivityFields({ form, cases }: { form: TSchemaForm<TValues>; cases?: TCaseOption[] }) {
  const { t } = useTranslation();
  const { users, allowed } = useUsers();
  const v = form.values;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <NativeSelect
        label={t('activities.kind')}
        value={v.kind}
        onChange={(e) => form.set('kind', e.currentTarget.value)}
        data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) }))}
        error={form.error('kind')}
      />
      {withDirection(v.kind) ? (
        <NativeSelect
          label={t('activities.direction')}
          value={v.direction}
          onChange={(e) => form.set('direction', e.currentTarget.value)}
          data={DIRECTIONS.map((d) => ({ value: d, label: t(`activities.directions.${d}`) }))}
          error={form.error('direction')}
        />
      ) : null}
      <TextInput
        type="datetime-local"
        label={v.kind === 'planned' ? t('activities.plannedFor') : t('activities.when')}
        value={v.when}
        onChange={(e) => form.set('when', e.currentTarget.value)}
        error={form.error(v.kind === 'planned' ? 'plannedAt' : 'occurredAt')}
      />
      {allowed && users.length > 0 ? (
        <NativeSelect
          label={t('activities.owner')}
          value={v.ownerId}
          onChange={(e) => form.set('ownerId', e.currentTarget.value)}
          data={users
            .filter((u) => u.status === 'active' || u.id === v.ownerId)
            .map((u) => ({ value: u.id, label: u.displayName }))}
          error={form.error('ownerId')}
        />
      ) : null}
      {cases && cases.length > 0 ? (
        <NativeSelect
          label={t('activities.case')}
          value={v.caseId}
          onChange={(e) => form.set('caseId', e.currentTarget.value)}
          data={[
            { value: '', label: t('activities.noCase') },
            ...cases.map((c) => ({ value: c.id, label: c.label })),
          ]}
          error={form.error('caseId')}
        />
      ) : null}
    </SimpleGrid>
  );
}

export function RecordActivity(props: TProps) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const { editing, replyTo, cases, onDone } = props;
  const save = useMutation({
    mutationFn: (body: unknown) =>
      editing
        ? api<TActivity>(`/activities/${editing.id}`, { method: 'PATCH', body })
        : api<TActivity>('/activities', { method: 'POST', body }),
    onSuccess: async () => {
      if (!editing && !replyTo) form.reset({ ...initialOf(me.user.id, props), when: localInputOf(null) });
      await refreshActivities(client);
      onDone?.();
    },
  });
  const toBody = toBodyOf(props);
  const form = useSchemaForm(
    editing ? ZUpdateActivity : ZCreateActivity,
    initialOf(me.user.id, props),
    toBody,
    save.error,
  );
  const v = form.values;
  const text = (key: 'subject' | 'body') => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: form.error(key),
  });
  const label = editing
    ? t('activities.editTitle')
    : replyTo
      ? t('activities.replyTitle')
      : t('activities.record');
  return (
    <form
      aria-label={label}
      // The schema's messages, in the user's language, rather than the browser's bubbles.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) save.mutate(toBody(v));
      }}
    >
      <Stack gap="sm">
        <ActivityFields form={form} cases={editing || replyTo ? undefined : cases} />
        <TextInput label={t('activities.subject')} {...text('subject')} />
        <Textarea label={t('activities.body')} autosize minRows={2} {...text('body')} />
        <FormError
          error={save.error}
          fields={['kind', 'direction', 'subject', 'body', 'occurredAt', 'plannedAt', 'ownerId', 'caseId']}
        />
        <Group justify="flex-end">
          {onDone ? (
            <Button variant="default" onClick={onDone}>
              {t('activities.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={save.isPending}>
            {editing
              ? t('activities.save')
              : replyTo
                ? t('activities.sendReply')
                : t('activities.recordButton')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
