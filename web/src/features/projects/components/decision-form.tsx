import { useEffect, useId } from 'react';
import { Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { DECISION_OUTCOMES, nextPhaseKey, type DecisionOutcome, todayInOslo } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { ApiError } from '../../../lib/api-error';
import { applyServerErrors, useApiForm } from '../../../lib/use-api-form';
import { useRecordDecision } from '../api/record-decision';
import { ConditionRows, type ConditionRow } from './condition-rows';
import { ReopenFieldset, type ReopenValues } from './reopen-fieldset';

interface DecisionValues {
  outcome: DecisionOutcome | '';
  meetingDate: string;
  caseNumber: string;
  decisionText: string;
  conditionItems: ConditionRow[];
  reopen: ReopenValues;
}

/**
 * The deciding body's vedtak on the pending package: outcome, the meeting (not in the future, not before
 * the phase began or the previous body met), saksnummer and the decision text (the proposed decision to
 * start from); conditions one by one when approving with conditions; what to redo when sending back.
 */
export function DecisionForm({ project, gate, onDecided }: { project: Project; gate: Gate; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  const headingId = useId();
  const today = todayInOslo();
  const phase = project.phases.find((p) => p.key === gate.phaseKey);
  const next = nextPhaseKey(gate.phaseKey);
  const phaseTitle = catalogue.phaseTitle(gate.phaseKey);
  const nextTitle = next ? catalogue.phaseTitle(next) : null;
  const steps = [...gate.caseRoute].sort((a, b) => a.position - b.position);
  const deciding = steps.find((s) => s.decides) ?? null;
  const body = deciding?.bodyName ?? project.councilName;
  const current = steps.find((s) => s.current) ?? null;
  const lastMeeting = steps
    .map((s) => s.meetingDate)
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  const earliest = [phase?.actualStart, lastMeeting]
    .filter((d): d is string => !!d)
    .sort()
    .pop();

  const form = useApiForm<DecisionValues>({
    defaultValues: {
      outcome: '',
      meetingDate: today,
      caseNumber: '',
      decisionText: gate.proposedDecision ?? '',
      conditionItems: [{ text: '', ownerUserId: project.leader?.id ?? '', dueDate: '' }],
      reopen: { deliverableIds: [], planSections: [], budget: false },
    },
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const outcome = form.watch('outcome');
  const record = useRecordDecision(project.id, gate.phaseKey);

  // The proposed decision saved while the form is open becomes the decision text, unless it was edited here.
  const { getFieldState, resetField } = form;
  useEffect(() => {
    if (!getFieldState('decisionText').isDirty) resetField('decisionText', { defaultValue: gate.proposedDecision ?? '' });
  }, [gate.proposedDecision, getFieldState, resetField]);

  if (current && !current.decides) {
    return (
      <section aria-labelledby={headingId} className="section panel">
        <Heading level={2} data-size="md" id={headingId}>
          {t('gate.decide.heading', { body })}
        </Heading>
        <Paragraph>{t('gate.decide.notYet', { body, current: current.bodyName })}</Paragraph>
      </section>
    );
  }

  function decidedMessage(decided: DecisionOutcome): string {
    switch (decided) {
      case 'approved':
      case 'approved_with_conditions':
        return nextTitle
          ? t('gates.decision.doneApprovedNext', { phase: phaseTitle, next: nextTitle })
          : t('gates.decision.doneApprovedLast', { phase: phaseTitle });
      case 'sent_back':
        return t('gates.decision.doneSentBack', { phase: phaseTitle });
      default:
        return t('gates.decision.doneStopped');
    }
  }

  const submit = form.handleSubmit(async (values) => {
    const chosen = values.outcome;
    if (!chosen || !gate.pendingSubmissionId) return;
    const r = values.reopen;
    if (chosen === 'sent_back' && r.deliverableIds.length + r.planSections.length === 0 && !r.budget) {
      form.setError('reopen', { type: 'required', message: t('gate.reopen.required') }, { shouldFocus: true });
      return;
    }
    const items = values.conditionItems
      .map((c) => ({ text: c.text.trim(), ownerUserId: c.ownerUserId || null, dueDate: c.dueDate || null }))
      .filter((c) => c.text !== '');
    try {
      await record.mutateAsync({
        submissionId: gate.pendingSubmissionId,
        outcome: chosen,
        meetingDate: values.meetingDate,
        caseNumber: values.caseNumber.trim(),
        decisionText: values.decisionText.trim(),
        ...(chosen === 'approved_with_conditions'
          ? { conditions: items.map((c, i) => `${i + 1}. ${c.text}`).join('\n'), conditionItems: items }
          : {}),
        ...(chosen === 'sent_back' ? { reopen: values.reopen } : {}),
      });
      onDecided(decidedMessage(chosen));
    } catch (error) {
      const fields = [
        'outcome',
        'meetingDate',
        'caseNumber',
        'decisionText',
        'reopen',
        ...values.conditionItems.flatMap((_, i) => ['text', 'ownerUserId', 'dueDate'].map((f) => `conditionItems.${i}.${f}`)),
      ];
      applyServerErrors(asFormFields(error), form.setError, {
        t,
        fields,
        codeFields: {
          INVALID_PERIOD: 'meetingDate',
          MEETING_DATE_IN_FUTURE: 'meetingDate',
          MEETING_BEFORE_PREVIOUS_STEP: 'meetingDate',
        },
      });
    }
  });

  const outcomeText = (value: DecisionOutcome) => {
    switch (value) {
      case 'approved':
        return nextTitle ? t('gates.decision.approvedHint', { next: nextTitle }) : t('gates.decision.approvedLastHint');
      case 'approved_with_conditions':
        return nextTitle ? t('gate.decide.conditionsHint', { next: nextTitle }) : t('gates.decision.approvedLastHint');
      case 'sent_back':
        return t('gate.decide.sentBackHint', { phase: phaseTitle });
      case 'stopped':
        return t('gates.decision.stoppedHint');
    }
  };

  return (
    <section aria-labelledby={headingId} className="section panel">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gate.decide.heading', { body })}
      </Heading>
      <Paragraph>{t('gate.decide.intro', { body, phase: phaseTitle })}</Paragraph>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Fieldset>
          <Fieldset.Legend>{t('gates.decision.outcome')}</Fieldset.Legend>
          {/* At the last gate no phase follows in which conditions could be followed up. */}
          {DECISION_OUTCOMES.filter((value) => value !== 'approved_with_conditions' || nextTitle).map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(`gates.outcome.${value}`)}
              description={outcomeText(value)}
              aria-invalid={errors.outcome ? true : undefined}
              {...register('outcome', { required: t('gates.decision.outcomeRequired') })}
            />
          ))}
          {errors.outcome && <ValidationMessage>{errors.outcome.message}</ValidationMessage>}
        </Fieldset>
        <Textfield
          type="date"
          label={t('gates.decision.meetingDate')}
          description={t('gate.decide.meetingDateHint', { body })}
          max={today}
          min={earliest}
          {...register('meetingDate', {
            validate: (date: string) =>
              !date
                ? t('gates.decision.meetingDateRequired')
                : date > today
                  ? t('gates.decision.meetingDateFuture')
                  : earliest && date < earliest
                    ? t('gate.decide.meetingDateTooEarly', { date: format.date(earliest) })
                    : true,
          })}
          error={errors.meetingDate?.message}
          required
        />
        <Textfield
          label={t('gates.decision.caseNumber')}
          description={t('gates.decision.caseNumberHint')}
          {...register('caseNumber', { validate: (v: string) => v.trim() !== '' || t('gates.decision.caseNumberRequired') })}
          error={errors.caseNumber?.message}
          required
          maxLength={60}
          autoComplete="off"
        />
        <Textfield
          multiline
          rows={5}
          label={t('gates.decision.decisionText')}
          description={gate.proposedDecision ? t('gate.decide.decisionTextFromProposal') : t('gates.decision.decisionTextHint')}
          {...register('decisionText', { validate: (v: string) => v.trim() !== '' || t('gates.decision.decisionTextRequired') })}
          error={errors.decisionText?.message}
          required
          maxLength={20000}
        />
        {outcome === 'approved_with_conditions' && (
          <>
            <ConditionRows project={project} form={form} />
            {errors.conditionItems?.message && <ValidationMessage>{errors.conditionItems.message}</ValidationMessage>}
          </>
        )}
        {outcome === 'sent_back' && (
          <>
            <ReopenFieldset project={project} phaseKey={gate.phaseKey} form={form} error={errors.reopen?.message} />
          </>
        )}
        <FormError message={form.formError} />
        <div className="form__actions">
          <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
            {t('gates.decision.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * The server names nested fields `conditionItems[0].text` and `reopen.planSections`; the form's fields
 * are `conditionItems.0.text` and one `reopen` group.
 */
function asFormFields(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fieldErrors.map(({ field, messages }) => ({
    field: field.startsWith('reopen.') ? 'reopen' : field.replace(/\[(\d+)\]/g, '.$1'),
    messages,
  }));
  return new ApiError(error.status, error.code, error.message, fields, error.retryAfterSeconds, error.params);
}
