// A titled card: one region of a page, named for screen readers by its title.
import { Card, Stack, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from './States';

export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A list of cards (a table's rows on a phone), as a list for screen readers. */
export function CardList({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  );
}

type TListQuery<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T[] | undefined;
  refetch: () => unknown;
};

/**
 * A titled section listing what a query found, with its loading, error and empty states, and what
 * follows the list (a form to add one, say).
 */
export function QueryListSection<T>({
  title,
  query,
  empty,
  item,
  children,
}: {
  title: string;
  query: TListQuery<T>;
  empty: string;
  item: (row: T) => React.ReactNode;
  children?: React.ReactNode;
}) {
  const rows = query.data ?? [];
  return (
    <Section title={title}>
      <Stack gap="md">
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState>{empty}</EmptyState>
        ) : (
          <CardList label={title}>{rows.map(item)}</CardList>
        )}
        {children}
      </Stack>
    </Section>
  );
}
