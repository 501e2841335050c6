// The recovery codes, shown once right after enrolment: the server keeps only their hashes.
import { Button, Code, CopyButton, Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';

export function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const { t } = useTranslation();
  return (
    <Section title={t('security.recoveryTitle')}>
      <Text mb="sm">{t('security.recoveryIntro')}</Text>
      <SimpleGrid
        component="ul"
        cols={{ base: 2, sm: 5 }}
        spacing="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('security.recoveryList')}
      >
        {codes.map((code) => (
          <li key={code}>
            <Code fz="md">{code}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Group mt="md">
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('security.copied') : t('security.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onSaved}>{t('security.saved')}</Button>
      </Group>
    </Section>
  );
}
