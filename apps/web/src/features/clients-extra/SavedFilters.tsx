// Saving the current filter under a name and applying a saved one (kept in this browser).
import { ActionIcon, Button, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useSchemaForm } from '../../lib/form';
import { useMe } from '../../lib/session';
import { deleteSavedFilter, loadSavedFilters, saveFilter, type TSavedFilter } from './savedFilters';
import type { TClientFilter } from './types';

// Only a name kept in this browser: no server schema, the same words for its problems though.
const ZFilterName = z.object({ name: z.string().trim().min(1).max(100) });

type TProps = { current: TClientFilter; onApply: (f: TClientFilter) => void };

export function SavedFilters({ current, onApply }: TProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [saved, setSaved] = useState<TSavedFilter[]>(() => loadSavedFilters(me.user.id));
  const [chosen, setChosen] = useState('');
  const form = useSchemaForm(ZFilterName, { name: '' }, (v) => v);
  const name = form.values.name.trim();
  return (
    <Group align="end" gap="sm" wrap="wrap" component="section" aria-label={t('clients.savedFilters')}>
      {saved.length > 0 ? (
        <Group align="end" gap={4} wrap="nowrap" maw="100%">
          <NativeSelect
            label={t('clients.savedFilters')}
            value={chosen}
            onChange={(e) => {
              const pick = saved.find((s) => s.name === e.currentTarget.value);
              setChosen(e.currentTarget.value);
              if (pick) onApply(pick.filter);
            }}
            data={[{ value: '', label: t('clients.chooseSaved') }, ...saved.map((s) => s.name)]}
            miw={0}
          />
          {chosen ? (
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('clients.deleteFilter')}
              onClick={() => {
                setSaved(deleteSavedFilter(me.user.id, chosen));
                setChosen('');
              }}
            >
              ×
            </ActionIcon>
          ) : null}
        </Group>
      ) : null}
      <Group
        align="end"
        gap={4}
        wrap="nowrap"
        maw="100%"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.submit()) return;
          setSaved(saveFilter(me.user.id, { name, filter: current }));
          setChosen(name);
          form.reset();
        }}
      >
        <TextInput
          label={t('clients.filterName')}
          value={form.values.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.error('name')}
          miw={0}
        />
        <Button type="submit" variant="light">
          {t('clients.saveFilter')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('clients.savedFiltersNote')}
      </Text>
    </Group>
  );
}
