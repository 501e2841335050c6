import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDeliveryStatus } from './commissions-api';

const COLOR: Record<TDeliveryStatus, string> = {
  pending: 'blue',
  sent: 'green',
  failed: 'red',
  no_address: 'gray',
};

export function DeliveryBadge({ status }: { status: TDeliveryStatus }) {
  const { t } = useTranslation();
  return (
    // The theme's light tones are dark enough for WCAG contrast (app.tsx).
    <Badge color={COLOR[status]} variant="light">
      {t(`commissions.delivery.${status}`)}
    </Badge>
  );
}
