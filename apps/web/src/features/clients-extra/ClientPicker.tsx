// Picks another client by the global search (GET /search), for relations and merging.
import { Combobox, Loader, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../lib/api';
import type { TSearchHit } from './types';

export type TPicked = { id: string; name: string };

type TProps = {
  label: string;
  excludeId: string;
  value: TPicked | null;
  onChange: (picked: TPicked | null) => void;
  error?: string;
};

export function ClientPicker({ label, excludeId, value, onChange, error }: TProps) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [text, setText] = useState(value?.name ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const hits = useQuery({
    queryKey: ['search', 'clients', q],
    queryFn: ({ signal }) =>
      api<{ items: TSearchHit[] }>(`/search${queryString({ q, limit: 10 })}`, { signal }),
    enabled: q.length > 0 && q !== value?.name,
  });
  const clients = (hits.data?.items ?? []).filter((h) => h.type === 'client' && h.id !== excludeId);
  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        const hit = clients.find((c) => c.id === id);
        if (hit) {
          onChange({ id: hit.id, name: hit.title });
          setText(hit.title);
        }
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <TextInput
          label={label}
          value={text}
          error={error}
          rightSection={hits.isFetching ? <Loader size="xs" /> : null}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (value) onChange(null);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={q.length === 0 || q === value?.name}>
        <Combobox.Options aria-label={label}>
          {clients.length === 0 ? (
            <Combobox.Empty>{hits.isFetching ? t('app.loading') : t('client.noHits')}</Combobox.Empty>
          ) : (
            clients.map((c) => (
              <Combobox.Option value={c.id} key={c.id}>
                {c.title}
                {c.subtitle ? ` · ${c.subtitle}` : ''}
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
