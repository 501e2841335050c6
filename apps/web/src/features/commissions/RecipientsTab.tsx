// Recipients of statements: the firm's users (with their rate group) and outside partners and
// tipsters. Everyone with commissions:view sees those in their scope; managers add and change them.
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryListSection } from '../../components/Section';
import { can, useMe } from '../../lib/session';
import { AuditButton } from '../trash/AuditButton';
import { rateGroupsQuery, recipientsQuery, type TRecipient } from './commissions-api';
import { RecipientForm } from './RecipientForm';

export function RecipientsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const mayManage = can(me, 'commissions:manage');
  const q = useQuery(recipientsQuery);
  // Rate groups are read with commissions:manage only; others see no group names.
  const groups = useQuery({ ...rateGroupsQuery, enabled: mayManage });
  const [editing, setEditing] = useState<string | null>(null);
  const groupName = (id: string | null) => (id ? groups.data?.find((g) => g.id === id)?.name : undefined);
  return (
    <QueryListSection
      title={t('commissions.recipients.title')}
      query={q}
      empty={t('commissions.recipients.empty')}
      item={(r) => (
        <li key={r.id}>
          <RecipientRow
            recipient={r}
            groupName={groupName(r.rateGroupId)}
            onEdit={mayManage ? () => setEditing(r.id) : undefined}
          />
          {editing === r.id ? <RecipientForm recipient={r} done={() => setEditing(null)} /> : null}
        </li>
      )}
    >
      {mayManage ? (
        editing === 'new' ? (
          <RecipientForm recipient={null} done={() => setEditing(null)} />
        ) : (
          <Button variant="light" w="fit-content" onClick={() => setEditing('new')}>
            {t('commissions.recipients.new')}
          </Button>
        )
      ) : null}
    </QueryListSection>
  );
}

function RecipientRow({
  recipient: r,
  groupName,
  onEdit,
}: {
  recipient: TRecipient;
  groupName: string | undefined;
  onEdit?: () => void;
}) {
  const { t } = useTranslation();
  const vat =
    r.vat.mode === 'added'
      ? t('commissions.recipients.vatAdded', { percent: r.vat.ratePercent })
      : t('commissions.recipients.vatExemptShort');
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
      <Stack gap={0} style={{ flex: '1 1 16rem' }}>
        <Group gap="xs" wrap="wrap">
          <Text fw={500}>{r.name}</Text>
          <Badge variant="light">{t(`commissions.recipientKinds.${r.kind}`)}</Badge>
          {groupName ? <Badge variant="outline">{groupName}</Badge> : null}
        </Group>
        <Text size="xs" c="dimmed">
          {[
            r.email,
            t(`commissions.locales.${r.locale}`),
            vat,
            r.selfBilling ? t('commissions.recipients.selfBilling') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
      <Group gap={4}>
        {onEdit ? (
          <Button size="compact-sm" variant="subtle" onClick={onEdit}>
            {t('commissions.edit')}
          </Button>
        ) : null}
        <AuditButton entity="commission_recipient" id={r.id} name={r.name} />
      </Group>
    </Group>
  );
}
