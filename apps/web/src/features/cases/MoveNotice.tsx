// The outcome of a stage move: a refusal lists what the pipeline still needs.
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMoveNotice } from './useCaseMove';

export function MoveNotice({ notice, onClose }: { notice: TMoveNotice | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  const ok = notice.kind === 'moved';
  return (
    <Alert
      color={ok ? 'teal' : notice.kind === 'refused' ? 'orange' : 'red'}
      variant="light"
      role={ok ? 'status' : 'alert'}
      title={notice.title}
      // The light variant's coloured title is too faint to read (WCAG contrast): body text colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      withCloseButton
      closeButtonLabel={t('cases.close')}
      onClose={onClose}
    >
      {notice.lines.length > 0 ? (
        <List size="sm">
          {notice.lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}
