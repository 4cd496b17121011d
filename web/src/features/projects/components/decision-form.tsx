import { useId } from 'react';
import { Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { DECISION_OUTCOMES, nextPhaseKey, type DecisionOutcome } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useCatalogue } from '../../../lib/catalogue';
import { todayIso } from '../../../lib/dates';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useRecordDecision } from '../api/record-decision';

interface DecisionValues {
  outcome: DecisionOutcome | '';
  meetingDate: string;
  caseNumber: string;
  decisionText: string;
  conditions: string;
}

/**
 * The regionråd's vedtak on the pending submission: outcome, the meeting's date (not in the future,
 * not before the phase began), saksnummer, the decision text, and conditions when approving with conditions.
 */
export function DecisionForm({ project, gate, onDecided }: { project: Project; gate: Gate; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  const headingId = useId();
  const today = todayIso();
  const phase = project.phases.find((p) => p.key === gate.phaseKey);
  const next = nextPhaseKey(gate.phaseKey);
  const phaseTitle = catalogue.phaseTitle(gate.phaseKey);
  const nextTitle = next ? catalogue.phaseTitle(next) : null;

  const form = useApiForm<DecisionValues>({
    defaultValues: { outcome: '', meetingDate: today, caseNumber: '', decisionText: '', conditions: '' },
    codeFields: { INVALID_PERIOD: 'meetingDate' },
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const outcome = form.watch('outcome');
  const record = useRecordDecision(project.id, gate.phaseKey);

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

  // RecordDecisionDto: an outcome, a meeting date (not in the future, not before the phase began), saksnummer
  // (at most 60 characters) and the decision text; conditions when approving with conditions.
  const rules = {
    meetingDate: {
      validate: (date: string) =>
        !date
          ? t('gates.decision.meetingDateRequired')
          : date > today
            ? t('gates.decision.meetingDateFuture')
            : phase?.actualStart && date < phase.actualStart
              ? t('gates.decision.meetingDateBeforeStart', { date: format.date(phase.actualStart) })
              : true,
    },
    caseNumber: { validate: (v: string) => v.trim() !== '' || t('gates.decision.caseNumberRequired') },
    decisionText: { validate: (v: string) => v.trim() !== '' || t('gates.decision.decisionTextRequired') },
    conditions: {
      validate: (v: string, values: DecisionValues) =>
        values.outcome !== 'approved_with_conditions' || v.trim() !== '' || t('gates.decision.conditionsRequired'),
    },
  };

  const submit = form.handleSubmit(async (values) => {
    const chosen = values.outcome;
    if (!chosen || !gate.pendingSubmissionId) return;
    const conditions = values.conditions.trim();
    try {
      await record.mutateAsync({
        submissionId: gate.pendingSubmissionId,
        outcome: chosen,
        meetingDate: values.meetingDate,
        caseNumber: values.caseNumber.trim(),
        decisionText: values.decisionText.trim(),
        conditions: chosen === 'approved_with_conditions' ? conditions : conditions || null,
      });
      onDecided(decidedMessage(chosen));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  const outcomeText = (value: DecisionOutcome) => {
    switch (value) {
      case 'approved':
        return {
          label: t('gates.outcome.approved'),
          description: nextTitle ? t('gates.decision.approvedHint', { next: nextTitle }) : t('gates.decision.approvedLastHint'),
        };
      case 'approved_with_conditions':
        return {
          label: t('gates.outcome.approved_with_conditions'),
          description: nextTitle ? t('gates.decision.conditionsHintNext', { next: nextTitle }) : t('gates.decision.approvedLastHint'),
        };
      case 'sent_back':
        return { label: t('gates.outcome.sent_back'), description: t('gates.decision.sentBackHint', { phase: phaseTitle }) };
      case 'stopped':
        return { label: t('gates.outcome.stopped'), description: t('gates.decision.stoppedHint') };
    }
  };

  return (
    <section aria-labelledby={headingId} className="section panel">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gates.decision.heading')}
      </Heading>
      <Paragraph>{t('gates.decision.intro', { council: project.councilName, phase: phaseTitle })}</Paragraph>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Fieldset>
          <Fieldset.Legend>{t('gates.decision.outcome')}</Fieldset.Legend>
          {DECISION_OUTCOMES.map((value) => {
            const text = outcomeText(value);
            return (
              <Radio
                key={value}
                value={value}
                label={text.label}
                description={text.description}
                aria-invalid={errors.outcome ? true : undefined}
                {...register('outcome', { required: t('gates.decision.outcomeRequired') })}
              />
            );
          })}
          {errors.outcome && <ValidationMessage>{errors.outcome.message}</ValidationMessage>}
        </Fieldset>
        <Textfield
          type="date"
          label={t('gates.decision.meetingDate')}
          description={t('gates.decision.meetingDateHint')}
          max={today}
          min={phase?.actualStart ?? undefined}
          {...register('meetingDate', rules.meetingDate)}
          error={errors.meetingDate?.message}
          required
        />
        <Textfield
          label={t('gates.decision.caseNumber')}
          description={t('gates.decision.caseNumberHint')}
          {...register('caseNumber', rules.caseNumber)}
          error={errors.caseNumber?.message}
          required
          maxLength={60}
          autoComplete="off"
        />
        <Textfield
          multiline
          rows={5}
          label={t('gates.decision.decisionText')}
          description={t('gates.decision.decisionTextHint')}
          {...register('decisionText', rules.decisionText)}
          error={errors.decisionText?.message}
          required
          maxLength={20000}
        />
        {outcome === 'approved_with_conditions' && (
          <Textfield
            multiline
            rows={4}
            label={t('gates.decision.conditions')}
            description={t('gates.decision.conditionsHint')}
            {...register('conditions', rules.conditions)}
            error={errors.conditions?.message}
            required
          />
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
