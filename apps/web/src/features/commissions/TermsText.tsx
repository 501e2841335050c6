// A line's or a rate's payout terms in one short sentence: when paid, liability, clawback, reserve.
import { useTranslation } from 'react-i18next';
import type { TTerms } from './commissions-api';

export function TermsText({ terms }: { terms: TTerms }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`commissions.terms.payoutModes.${terms.payoutMode}`)}
      {' · '}
      {t('commissions.terms.liability', { count: terms.liabilityMonths })}
      {' · '}
      {t(`commissions.terms.clawbackModes.${terms.clawbackMode}`)}
      {' · '}
      {t('commissions.terms.reserveOf', { percent: terms.reservePercent })}
    </>
  );
}
