// The change history of a record that has no page of its own (a unit, a user, a pipeline, a
// recipient): a button that opens it in a dialog, for those who may read the audit trail.
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../lib/session';
import { AuditTrail } from './AuditTrail';

export function AuditButton({ entity, id, name }: { entity: string; id: string; name: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (!can(me, 'audit:view')) return null;
  return (
    <>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={() => setOpen(true)}
        aria-label={t('trash.audit.historyOf', { name })}
      >
        {t('trash.audit.history')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('trash.audit.titleOf', { name })}
        size="lg"
      >
        {open ? <AuditTrail entity={entity} id={id} /> : null}
      </Modal>
    </>
  );
}
