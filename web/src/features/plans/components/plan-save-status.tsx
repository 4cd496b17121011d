import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../api/plan-types';
import { FormError } from '../../../components/form-error';
import { intlLocale, useFormat } from '../../../lib/format';
import type { SaveState } from './use-plan-writer';

function useClock() {
  const { i18n } = useTranslation();
  return (date: Date) =>
    new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage ?? 'nb'), { hour: '2-digit', minute: '2-digit' }).format(date);
}

/**
 * "Lagrer …" / "Lagret 14:32" in a polite live region; after a failed save a retry button, and the
 * form-level error (a refusal of fields is shown at those fields).
 */
export function SaveStatusLine({
  state,
  plan,
  formError,
  onRetry,
}: {
  state: SaveState;
  plan: Plan;
  formError: string | undefined;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const clock = useClock();
  let text: string | null = null;
  if (state.kind === 'pending') text = t('plans.save.pending');
  else if (state.kind === 'saving') text = t('plans.save.saving');
  else if (state.kind === 'saved') text = t('plans.save.saved', { time: clock(state.at) });
  else if (state.kind === 'conflict') text = t('plans.save.conflict');
  else if (state.kind === 'error') text = t('plans.save.failed');
  return (
    <div className="plan-save-status">
      <p aria-live="polite" aria-atomic="true" className="plan-save-status__text">
        {text ?? <LastSavedText plan={plan} />}
      </p>
      {state.kind === 'error' && (
        <>
          <FormError message={formError} />
          <div>
            <Button type="button" variant="secondary" data-size="sm" onClick={onRetry}>
              {t('plans.save.retry')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

export function LastSaved({ plan }: { plan: Plan }) {
  return (
    <p className="plan-save-status__text">
      <LastSavedText plan={plan} readOnly />
    </p>
  );
}

function LastSavedText({ plan, readOnly = false }: { plan: Plan; readOnly?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const autosave = readOnly ? '' : ` ${t('plans.save.autosave')}`;
  if (!plan.updatedAt) return <>{readOnly ? t('plans.save.neverReadOnly') : t('plans.save.never')}</>;
  return (
    <>
      {plan.updatedBy
        ? t('plans.save.lastSavedBy', { dateTime: format.dateTime(plan.updatedAt), name: plan.updatedBy })
        : t('plans.save.lastSaved', { dateTime: format.dateTime(plan.updatedAt) })}
      {autosave}
    </>
  );
}
