// The tenant's custom fields of clients, in their order (GET /custom-fields?entity=client).
import { useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';
import type { TCustomField } from '../cases/types';
import type { TPage } from './types';

export type { TCustomField };

export function useClientFields() {
  return useQuery({
    queryKey: ['custom-fields', 'client'],
    queryFn: () => api<TPage<TCustomField>>(`/custom-fields${queryString({ entity: 'client' })}`),
    select: (page) => [...page.items].sort((a, b) => a.position - b.position),
    staleTime: 60_000,
  });
}
