import { useState } from 'react';
import { Button, Fieldset, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { KOMMUNE_DECISIONS, type KommuneDecision, todayInOslo } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { formatKroner, parseWholeNumber } from '../../../lib/money';
import { useApiForm } from '../../../lib/use-api-form';
import type { KommuneCase } from '../api/gate-types';
import { useRecordKommuneCase } from '../api/record-kommune-case';

interface KommuneValues {
  outcome: KommuneDecision | '';
  meetingDate: string;
  caseNumber: string;
  amountCommitted: string;
  decisionText: string;
}

const valuesOf = (c: KommuneCase): KommuneValues => ({
  outcome: c.outcome === 'pending' ? '' : c.outcome,
  meetingDate: c.meetingDate ?? todayInOslo(),
  caseNumber: c.caseNumber ?? '',
  amountCommitted: c.amountCommitted !== null ? String(c.amountCommitted) : '',
  decisionText: c.decisionText ?? '',
});

/**
 * Records one kommunestyre's decision on its share: yes, yes with changes, no, or not handled by the
 * deadline; the meeting, its case number and the amount committed (a plain yes commits the share).
 */
export function KommuneDecisionDialog({
  project,
  gate,
  kommuneCase,
  onSaved,
}: {
  project: Project;
  gate: Gate;
  kommuneCase: KommuneCase;
  onSaved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const today = todayInOslo();
  const form = useApiForm<KommuneValues>({
    defaultValues: valuesOf(kommuneCase),
    codeFields: { MEETING_DATE_IN_FUTURE: 'meetingDate', AMOUNT_ABOVE_SHARE: 'amountCommitted' },
  });
  const { errors, isSubmitting } = form.formState;
  const outcome = form.watch('outcome');
  const record = useRecordKommuneCase(project.id, gate.phaseKey);
  const handled = outcome !== '' && outcome !== 'not_handled';
  const kommune = kommuneCase.kommuneName;

  function openDialog() {
    form.reset(valuesOf(kommuneCase));
    setOpen(true);
  }

  const submit = form.handleSubmit(async (values) => {
    if (!values.outcome) return;
    const met = values.outcome !== 'not_handled';
    const amount = parseWholeNumber(values.amountCommitted);
    try {
      await record.mutateAsync({
        caseId: kommuneCase.id,
        body: {
          outcome: values.outcome,
          meetingDate: met ? values.meetingDate : undefined,
          caseNumber: met ? values.caseNumber.trim() || undefined : undefined,
          amountCommitted: (values.outcome === 'yes' || values.outcome === 'yes_with_changes') && amount !== null ? amount : undefined,
          decisionText: values.decisionText.trim() || undefined,
          version: kommuneCase.version,
        },
      });
      setOpen(false);
      onSaved(t('gate.kommuneDialog.saved', { kommune, outcome: t(`gate.kommuner.outcome.${values.outcome}`) }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={openDialog} aria-label={t('gate.kommuneDialog.openFor', { kommune })}>
        {kommuneCase.outcome === 'pending' ? t('gate.kommuneDialog.open') : t('gate.kommuneDialog.change')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('gate.kommuneDialog.title', { kommune })}
        onSubmit={(e) => void submit(e)}
        pending={isSubmitting}
        submitLabel={t('gate.kommuneDialog.submit')}
        formError={form.formError}
      >
        <Fieldset>
          <Fieldset.Legend>{t('gate.kommuneDialog.outcome')}</Fieldset.Legend>
          <Fieldset.Description>
            {t('gate.kommuneDialog.shareHint', { share: formatKroner(kommuneCase.share, i18n.resolvedLanguage ?? 'nb') })}
          </Fieldset.Description>
          {KOMMUNE_DECISIONS.map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(`gate.kommuner.outcome.${value}`)}
              aria-invalid={errors.outcome ? true : undefined}
              {...form.register('outcome', { required: t('gate.kommuneDialog.outcomeRequired') })}
            />
          ))}
          {errors.outcome && <ValidationMessage>{errors.outcome.message}</ValidationMessage>}
        </Fieldset>
        {outcome !== 'not_handled' && (
          <>
            <Textfield
              type="date"
              label={t('gate.kommuner.columns.meetingDate')}
              max={today}
              {...form.register('meetingDate', {
                validate: (v, all) =>
                  all.outcome === 'not_handled' || all.outcome === ''
                    ? true
                    : !v
                      ? t('gates.decision.meetingDateRequired')
                      : v > today
                        ? t('gate.handle.meetingDateFuture')
                        : true,
              })}
              error={errors.meetingDate?.message}
              required
            />
            <Textfield
              label={t('gate.kommuner.columns.caseNumber')}
              description={t('gates.decision.caseNumberHint')}
              {...form.register('caseNumber', {
                validate: (v, all) =>
                  all.outcome === 'not_handled' || all.outcome === '' || v.trim() !== '' || t('gates.decision.caseNumberRequired'),
              })}
              error={errors.caseNumber?.message}
              required
              maxLength={60}
              autoComplete="off"
            />
          </>
        )}
        {handled && outcome !== 'no' && (
          <Textfield
            label={t('gate.kommuneDialog.amount')}
            description={t(outcome === 'yes' ? 'gate.kommuneDialog.amountHintYes' : 'gate.kommuneDialog.amountHintChanges')}
            inputMode="numeric"
            {...form.register('amountCommitted', {
              validate: (v, all) => {
                const n = parseWholeNumber(v);
                if (n === null) return all.outcome !== 'yes_with_changes' || t('gate.kommuneDialog.amountRequired');
                return (Number.isFinite(n) && n >= 0) || t('gate.kommuneDialog.amountInvalid');
              },
            })}
            error={errors.amountCommitted?.message}
          />
        )}
        <Textfield
          multiline
          rows={3}
          label={t('gate.kommuneDialog.decisionText')}
          description={t('gate.kommuneDialog.decisionTextHint')}
          required={outcome === 'no' || outcome === 'yes_with_changes'}
          {...form.register('decisionText', {
            validate: (v, all) =>
              (all.outcome !== 'no' && all.outcome !== 'yes_with_changes') ||
              v.trim() !== '' ||
              t('gate.kommuneDialog.decisionTextRequired'),
          })}
          error={errors.decisionText?.message}
          maxLength={8000}
        />
      </FormDialog>
    </>
  );
}
