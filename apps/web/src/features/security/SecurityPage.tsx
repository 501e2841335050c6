// The second factor of one's own account: turn TOTP on (key, code, recovery codes once) or off.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery, useMe } from '../../lib/session';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpDisable } from './TotpDisable';
import { TotpEnrol } from './TotpEnrol';

export function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  // Held here, not in the enrolment form: `me` turns to "on" as soon as the code is verified, and
  // the codes must stay on screen until the user says they are saved.
  const [codes, setCodes] = useState<string[] | null>(null);
  const refreshMe = () => client.invalidateQueries({ queryKey: meQuery.queryKey });

  const body = () => {
    if (codes)
      return (
        <RecoveryCodes
          codes={codes}
          onSaved={() => {
            setCodes(null);
            setNotice(t('security.on'));
          }}
        />
      );
    if (me.user.secondFactor)
      return (
        <TotpDisable
          onDone={async () => {
            await refreshMe();
            setNotice(t('security.off'));
          }}
        />
      );
    return (
      <TotpEnrol
        onVerified={async (recoveryCodes) => {
          setNotice(null);
          setCodes(recoveryCodes);
          await refreshMe();
        }}
      />
    );
  };

  return (
    <Stack maw={680} w="100%">
      <Title order={1}>{t('security.title')}</Title>
      {notice ? (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      ) : null}
      {/* Not while the codes are shown: `me` may still be reloading and would say "off". */}
      {codes ? null : <Text>{me.user.secondFactor ? t('security.statusOn') : t('security.statusOff')}</Text>}
      {body()}
    </Stack>
  );
}
