// The header's search: as the user types (debounced), clients, cases and partners from
// GET /search; choosing one opens it. Keyboard: arrows and Enter, Escape closes.
import { Badge, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../lib/api';

type THit = { type: 'client' | 'case' | 'partner'; id: string; title: string; subtitle: string };

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 200);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const hits = useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api<{ items: THit[] }>(`/search${queryString({ q, limit: 10 })}`, { signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });

  const open = (id: string) => {
    const hit = hits.data?.items.find((h) => h.id === id);
    combobox.closeDropdown();
    if (hit?.type === 'client') void navigate({ to: '/clients/$clientId', params: { clientId: hit.id } });
  };

  const items = q ? (hits.data?.items ?? []) : [];
  return (
    <Combobox store={combobox} onOptionSubmit={open} withinPortal>
      {/* A combobox must say whether its list is open (aria-expanded); Mantine adds it on request. */}
      <Combobox.Target withExpandedAttribute>
        <TextInput
          flex={1}
          maw={560}
          type="search"
          role="combobox"
          aria-label={t('shell.search')}
          placeholder={t('shell.searchPlaceholder')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          rightSection={hits.isFetching ? <Loader size={16} /> : null}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!q}>
        {/* "No matches" beside the list, not in it: a listbox holds options only. */}
        {items.length === 0 ? (
          <Combobox.Empty role="status">
            {hits.isFetching ? t('app.loading') : t('shell.searchEmpty')}
          </Combobox.Empty>
        ) : (
          <Combobox.Options aria-label={t('shell.search')}>
            {items.map((hit) => (
              <Combobox.Option value={hit.id} key={`${hit.type}:${hit.id}`}>
                <Group gap="xs" wrap="nowrap">
                  <Badge
                    size="xs"
                    variant="light"
                    color={hit.type === 'client' ? 'teal' : hit.type === 'case' ? 'blue' : 'grape'}
                  >
                    {t(`search.${hit.type}`)}
                  </Badge>
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" truncate>
                      {hit.title}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {hit.subtitle}
                    </Text>
                  </div>
                </Group>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        )}
      </Combobox.Dropdown>
    </Combobox>
  );
}
