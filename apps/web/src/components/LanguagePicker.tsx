// The language of the pages before sign-in (remembered in this browser).
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, LOCALES, setLocale } from '../i18n';

export function LanguagePicker() {
  const { t } = useTranslation();
  return (
    <NativeSelect
      size="xs"
      label={t('shell.language')}
      value={currentLocale()}
      onChange={(e) => {
        const value = e.currentTarget.value;
        if (isLocale(value)) void setLocale(value);
      }}
      data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
    />
  );
}
