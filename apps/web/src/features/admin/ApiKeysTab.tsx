// The firm's API keys: creating one shows its secret this once (the server keeps only a hash),
// revoking one ends it at once. The form checks as the user types with the server's own schema.
import { ZCreateApiKeyBody } from '@kontor/contracts';
import { Alert, Badge, Button, Card, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { CardList, Section } from '../../components/Section';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { formatDate, formatDateTime } from '../../lib/format';
import { adminKeys, apiKeysQuery, type TApiKey } from './admin-api';

export function ApiKeysTab() {
  const { t } = useTranslation();
  const query = useQuery(apiKeysQuery);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return (
    <Stack>
      <Section title={t('admin.apiKeys.new')}>
        {secret ? (
          <SecretOnce {...secret} onDone={() => setSecret(null)} />
        ) : (
          <ApiKeyForm onCreated={setSecret} />
        )}
      </Section>
      <Section title={t('admin.apiKeys.title')}>
        {query.data.length === 0 ? (
          <EmptyState>{t('admin.apiKeys.empty')}</EmptyState>
        ) : (
          <CardList label={t('admin.apiKeys.title')}>
            {query.data.map((k) => (
              <ApiKeyCard key={k.id} item={k} />
            ))}
          </CardList>
        )}
      </Section>
    </Stack>
  );
}

// The form holds the chosen day under the body's name, so its problem shows at that input.
type TKeyValues = { name: string; expiresAt: string };
// The key ends with the chosen day, in the user's own time zone; a day that is no date goes as
// typed, so the schema names the problem.
function keyBody(v: TKeyValues) {
  const end = new Date(`${v.expiresAt}T23:59:59`);
  const expiresAt = Number.isNaN(end.getTime()) ? v.expiresAt : end.toISOString();
  return { name: v.name, expiresAt: v.expiresAt ? expiresAt : null };
}

function ApiKeyForm({ onCreated }: { onCreated: (s: { name: string; token: string }) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: unknown) => api<TApiKey & { token: string }>('/api-keys', { method: 'POST', body }),
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: adminKeys.apiKeys });
      form.reset();
      onCreated({ name: created.name, token: created.token });
    },
  });
  const form = useSchemaForm<TKeyValues>(
    ZCreateApiKeyBody,
    { name: '', expiresAt: '' },
    keyBody,
    create.error,
  );
  const v = form.values;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) create.mutate(keyBody(v));
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.apiKeys.new')} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('admin.apiKeys.name')}
          required
          value={v.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.error('name')}
        />
        <TextInput
          type="date"
          label={t('admin.apiKeys.expiresOn')}
          description={t('admin.apiKeys.expiresHint')}
          value={v.expiresAt}
          onChange={(e) => form.set('expiresAt', e.currentTarget.value)}
          error={form.error('expiresAt')}
        />
        <FormError error={create.error} fields={['name', 'expiresAt']} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('admin.apiKeys.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SecretOnce({ name, token, onDone }: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" role="status" title={t('admin.apiKeys.createdTitle', { name })}>
        {t('admin.apiKeys.secretOnce')}
      </Alert>
      <TextInput
        label={t('admin.apiKeys.secret')}
        value={token}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
      />
      <Group justify="flex-end">
        <CopyButton value={token}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy}>
              {copied ? t('admin.apiKeys.copied') : t('admin.apiKeys.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('admin.apiKeys.done')}</Button>
      </Group>
    </Stack>
  );
}

function ApiKeyCard({ item }: { item: TApiKey }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api<TApiKey>(`/api-keys/${item.id}/revoke`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.apiKeys }),
  });
  const confirmRevoke = () => {
    if (window.confirm(t('admin.apiKeys.confirmRevoke', { name: item.name }))) revoke.mutate();
  };
  return (
    <Card component="li" withBorder padding="sm" aria-label={item.name}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{item.name}</Text>
            {item.revokedAt ? <Badge color="gray">{t('admin.apiKeys.revoked')}</Badge> : null}
          </Group>
          <Text size="sm" ff="monospace">
            {item.prefix}…
          </Text>
          <Text size="sm" c="dimmed">
            {t('admin.apiKeys.createdOn', { date: formatDate(item.createdAt) })}
            {' · '}
            {item.lastUsedAt
              ? t('admin.apiKeys.lastUsed', { date: formatDateTime(item.lastUsedAt) })
              : t('admin.apiKeys.neverUsed')}
            {item.expiresAt ? ` · ${t('admin.apiKeys.expires', { date: formatDate(item.expiresAt) })}` : ''}
          </Text>
        </Stack>
        {item.revokedAt ? null : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            loading={revoke.isPending}
            onClick={confirmRevoke}
            aria-label={t('admin.apiKeys.revokeOf', { name: item.name })}
          >
            {t('admin.apiKeys.revoke')}
          </Button>
        )}
      </Group>
      {revoke.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(revoke.error, t)}
        </Text>
      ) : null}
    </Card>
  );
}
