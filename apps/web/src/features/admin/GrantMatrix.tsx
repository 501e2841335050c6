// A role's grants as a grid: a module per row, an action per column, and in each cell the scope
// it reaches (or none). It scrolls inside its own box on narrow screens, not the page.

import type { TAction, TModule, TScope } from '@kontor/contracts';
import { NativeSelect, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACTIONS, MODULES, SCOPES, type TGrant } from './admin-api';

type TProps = { grants: TGrant[]; onChange?: (grants: TGrant[]) => void; error?: string };

export function GrantMatrix({ grants, onChange, error }: TProps) {
  const { t } = useTranslation();
  const scopeOf = (module: TModule, action: TAction) =>
    grants.find((g) => g.module === module && g.action === action)?.scope ?? '';
  const set = (module: TModule, action: TAction, scope: TScope | '') => {
    const rest = grants.filter((g) => !(g.module === module && g.action === action));
    onChange?.(scope === '' ? rest : [...rest, { module, action, scope }]);
  };
  const options = [
    { value: '', label: t('admin.roles.none') },
    ...SCOPES.map((s) => ({ value: s, label: t(`admin.scopes.${s}`) })),
  ];
  return (
    <>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table aria-label={t('admin.roles.grants')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.roles.module')}</Table.Th>
              {ACTIONS.map((a) => (
                <Table.Th key={a}>{t(`admin.actionNames.${a}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {MODULES.map((m) => (
              <Table.Tr key={m}>
                <Table.Th scope="row">{t(`admin.moduleNames.${m}`)}</Table.Th>
                {ACTIONS.map((a) => {
                  const label = `${t(`admin.moduleNames.${m}`)}: ${t(`admin.actionNames.${a}`)}`;
                  const scope = scopeOf(m, a);
                  return (
                    <Table.Td key={a}>
                      {onChange ? (
                        <NativeSelect
                          size="xs"
                          aria-label={label}
                          value={scope}
                          onChange={(e) => set(m, a, e.currentTarget.value as TScope | '')}
                          data={options}
                        />
                      ) : (
                        <Text size="sm" aria-label={label}>
                          {scope ? t(`admin.scopes.${scope}`) : '—'}
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {error ? (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </>
  );
}
