// A titled card: one region of a page, named for screen readers by its title.
import { Card, Stack, Title } from '@mantine/core';

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
