// The change history of one record (GET /audit?entity=&id=), newest first: who, when, what, and
// each changed field as before → after. Meant for the client and case pages.
import { Button, Center, Code, Stack, Text, Timeline } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useUsers } from '../../lib/users';
import type { TPage } from './trash-api';

export type TAuditEntry = {
  id: number;
  at: string;
  actorUserId: string | null;
  onBehalfOfUserId: string | null;
  apiKeyId: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
};

export type TChange = { field: string; before: unknown; after: unknown };

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The fields whose value differs between before and after (a create has only "after"). */
export function changesOf(entry: Pick<TAuditEntry, 'before' | 'after'>): TChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function shown(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === '') return t('trash.audit.empty_value');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** "createdAt" and "first_name" read as "created at" and "first name". */
const fieldName = (f: string) =>
  f
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

export function useAudit(entity: string, id: string) {
  return useInfiniteQuery({
    queryKey: ['audit', entity, id],
    queryFn: ({ pageParam }) =>
      api<TPage<TAuditEntry>>(`/audit${queryString({ entity, id, limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function AuditTrail({ entity, id }: { entity: string; id: string }) {
  const { t } = useTranslation();
  const q = useAudit(entity, id);
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const entries = q.data.pages.flatMap((p) => p.items);
  if (entries.length === 0) return <EmptyState>{t('trash.audit.empty')}</EmptyState>;
  return (
    <Stack>
      <Timeline bulletSize={12} lineWidth={2} aria-label={t('trash.audit.list')}>
        {entries.map((e) => (
          <Timeline.Item key={e.id} title={t(`trash.audit.action.${e.action}`, { defaultValue: e.action })}>
            <AuditEntryBody entry={e} />
          </Timeline.Item>
        ))}
      </Timeline>
      {q.hasNextPage ? (
        <Center>
          <Button variant="default" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
            {t('trash.more')}
          </Button>
        </Center>
      ) : null}
    </Stack>
  );
}

function AuditEntryBody({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const { nameOf } = useUsers();
  const who = entry.actorUserId
    ? nameOf(entry.actorUserId)
    : entry.apiKeyId
      ? t('trash.audit.apiKey')
      : t('trash.audit.system');
  const changes = changesOf(entry);
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {t('trash.audit.by', { when: formatDateTime(entry.at), name: who })}
        {entry.onBehalfOfUserId
          ? ` (${t('trash.audit.onBehalf', { name: nameOf(entry.onBehalfOfUserId) })})`
          : ''}
      </Text>
      {changes.length > 0 ? (
        <Text size="xs">{t('trash.audit.fields', { count: changes.length })}</Text>
      ) : null}
      {changes.map((c) => (
        <Text key={c.field} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {fieldName(c.field)}: <Code>{shown(c.before, t)}</Code> → <Code>{shown(c.after, t)}</Code>
        </Text>
      ))}
    </Stack>
  );
}
