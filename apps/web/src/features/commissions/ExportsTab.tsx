// The accounting export of a period: a plain download link, built from the form.
import { Anchor, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type TExportFormat } from './commissions-api';

const today = () => new Date().toISOString().slice(0, 10);

export function ExportsTab() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(`${today().slice(0, 8)}01`);
  const [to, setTo] = useState(today());
  const [format, setFormat] = useState<TExportFormat>('datev');
  // The server validates too; this only keeps an obviously empty or reversed period from a link.
  const invalid = !from || !to || to < from;
  return (
    <Stack maw={560}>
      <TextInput
        type="date"
        required
        label={t('commissions.exports.from')}
        value={from}
        onChange={(e) => setFrom(e.currentTarget.value)}
      />
      <TextInput
        type="date"
        required
        label={t('commissions.exports.to')}
        value={to}
        onChange={(e) => setTo(e.currentTarget.value)}
        error={from && to && to < from ? t('commissions.exports.toBeforeFrom') : undefined}
      />
      <Radio.Group
        label={t('commissions.exports.format')}
        value={format}
        onChange={(v) => setFormat(v as TExportFormat)}
      >
        <Group mt="xs">
          <Radio value="datev" label={t('commissions.exports.datev')} />
          <Radio value="csv" label={t('commissions.exports.csv')} />
        </Group>
      </Radio.Group>
      {invalid ? (
        <Text size="sm" c="dimmed">
          {t('commissions.exports.choosePeriod')}
        </Text>
      ) : (
        <Anchor href={exportUrl({ from, to, format })} download>
          {t('commissions.exports.download')}
        </Anchor>
      )}
    </Stack>
  );
}
