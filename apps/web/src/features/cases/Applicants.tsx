// Further clients of a case and their role (applicant, guarantor, ...): each links to the
// client; who may edit the case changes a role, removes one or adds one found by search.
import { APPLICANT_ROLES, type TApplicantRole } from '@kontor/contracts';
import { ActionIcon, Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { AnchorLink } from '../../components/links';
import { CardList } from '../../components/Section';
import { EmptyState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { ClientPicker, type TPicked } from '../clients-extra/ClientPicker';
import { usePatchCase } from './queries';
import type { TApplicant, TCase } from './types';

const bodyOf = (list: TApplicant[]) => list.map(({ clientId, role }) => ({ clientId, role }));

function RoleSelect({
  label,
  visible,
  value,
  onChange,
  disabled,
}: {
  label: string;
  visible?: boolean;
  value: TApplicantRole;
  onChange: (role: TApplicantRole) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={visible ? label : undefined}
      aria-label={visible ? undefined : label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value as TApplicantRole)}
      data={APPLICANT_ROLES.map((r) => ({ value: r, label: t(`cases.applicantRoles.${r}`) }))}
    />
  );
}

export function Applicants({ kase }: { kase: TCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const editable = can(me, 'cases:edit');
  const patch = usePatchCase(kase.id);
  const list = kase.applicants;
  // The case's own client is always its applicant (the server keeps it so): shown, not changed.
  const fixed = (a: TApplicant) => a.clientId === kase.clientId;
  const save = (next: TApplicant[]) => patch.mutate({ applicants: bodyOf(next) });
  return (
    <Stack gap="sm">
      <CardList label={t('cases.applicants')}>
        {list.map((a) => (
          <Group component="li" key={a.clientId} justify="space-between" gap="xs" wrap="wrap">
            <AnchorLink to="/clients/$clientId" params={{ clientId: a.clientId }}>
              {a.name}
            </AnchorLink>
            {editable && !fixed(a) ? (
              <Group gap="xs" wrap="nowrap">
                <RoleSelect
                  label={t('cases.roleOf', { name: a.name })}
                  value={a.role}
                  disabled={patch.isPending}
                  onChange={(role) => save(list.map((x) => (x.clientId === a.clientId ? { ...x, role } : x)))}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('cases.removeApplicant', { name: a.name })}
                  disabled={patch.isPending}
                  onClick={() => save(list.filter((x) => x.clientId !== a.clientId))}
                >
                  ×
                </ActionIcon>
              </Group>
            ) : (
              <Text size="sm">{t(`cases.applicantRoles.${a.role}`)}</Text>
            )}
          </Group>
        ))}
      </CardList>
      {list.every(fixed) ? <EmptyState>{t('cases.noApplicants')}</EmptyState> : null}
      {editable && list.length < 10 ? (
        <AddApplicant kase={kase} onAdd={(a) => patch.mutateAsync({ applicants: bodyOf([...list, a]) })} />
      ) : null}
      <FormError error={patch.error} fields={[]} />
    </Stack>
  );
}

function AddApplicant({ kase, onAdd }: { kase: TCase; onAdd: (a: TApplicant) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [client, setClient] = useState<TPicked | null>(null);
  const [role, setRole] = useState<TApplicantRole>('co_applicant');
  const [pending, setPending] = useState(false);
  // A new key empties the picker after an add.
  const [round, setRound] = useState(0);
  const taken = client !== null && kase.applicants.some((a) => a.clientId === client.id);
  return (
    <form
      aria-label={t('cases.addApplicant')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!client || taken) return;
        setPending(true);
        onAdd({ clientId: client.id, role, name: client.name })
          .then(() => {
            setClient(null);
            setRound((r) => r + 1);
          })
          .catch(() => undefined)
          .finally(() => setPending(false));
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <ClientPicker
          key={round}
          label={t('cases.applicantClient')}
          excludeId={kase.clientId}
          value={client}
          onChange={setClient}
        />
        <RoleSelect label={t('cases.role')} visible value={role} onChange={setRole} />
      </SimpleGrid>
      <Group justify="flex-end" mt="xs">
        <Button type="submit" disabled={!client || taken} loading={pending}>
          {t('cases.addApplicant')}
        </Button>
      </Group>
    </form>
  );
}
