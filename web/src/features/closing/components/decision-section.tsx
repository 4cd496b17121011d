import { useId } from 'react';
import { Alert, Button, Fieldset, Heading, List, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { CLOSING_OUTCOMES, todayInOslo, type ClosingOutcome } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useFormat } from '../../../lib/format';
import { formatKroner, parseWholeNumber } from '../../../lib/money';
import { applyServerErrors, useApiForm } from '../../../lib/use-api-form';
import { useRecordClosingDecision } from '../api/record-decision';
import type { Closing, ClosingDecision } from '../api/types';

interface DecisionValues {
  outcome: ClosingOutcome | '';
  meetingDate: string;
  caseNumber: string;
  decisionText: string;
  successor: { organisation: string; financingText: string; yearlyAmount: string };
  overrideReason: string;
}

/** The owner's closing decision (vedtak): shown once taken, otherwise the regionråd's form. */
export function DecisionSection({ closing, onDecided }: { closing: Closing; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('closing.decision.heading')}
      </Heading>
      {closing.decision ? (
        <DecisionView decision={closing.decision} />
      ) : closing.permissions.decide ? (
        <DecisionForm closing={closing} onDecided={onDecided} />
      ) : (
        <Paragraph className="muted">
          {closing.phaseProblem === null ? t('closing.decision.waiting') : t('closing.decision.none')}
        </Paragraph>
      )}
    </section>
  );
}

function DecisionView({ decision: d }: { decision: ClosingDecision }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <>
      <dl className="facts">
        <dt>{t('closing.decision.outcome')}</dt>
        <dd>{t(`closing.decision.outcomes.${d.outcome}`)}</dd>
        <dt>{t('closing.decision.meetingDate')}</dt>
        <dd>{format.date(d.meetingDate)}</dd>
        <dt>{t('closing.decision.caseNumber')}</dt>
        <dd>{d.caseNumber}</dd>
        {d.successor && (
          <>
            <dt>{t('closing.decision.organisation')}</dt>
            <dd>{d.successor.organisation}</dd>
            <dt>{t('closing.decision.financingText')}</dt>
            <dd className="prewrap">{d.successor.financingText}</dd>
            <dt>{t('closing.decision.yearlyAmount')}</dt>
            <dd>{formatKroner(d.successor.yearlyAmount, i18n.resolvedLanguage ?? 'nb')}</dd>
          </>
        )}
        <dt>{t('closing.decision.recordedBy')}</dt>
        <dd>{t('closing.decision.recordedByValue', { name: d.decidedBy?.name ?? '–', date: format.dateTime(d.decidedAt) })}</dd>
      </dl>
      <Heading level={3} data-size="xs">
        {t('closing.decision.decisionText')}
      </Heading>
      <Paragraph className="prewrap">{d.decisionText}</Paragraph>
      {d.overrideReason && (
        <Alert data-color="warning">
          <Paragraph>{t('closing.decision.overrideShown', { reason: d.overrideReason })}</Paragraph>
        </Alert>
      )}
    </>
  );
}

function DecisionForm({ closing, onDecided }: { closing: Closing; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayInOslo();
  const earliest = closing.hovedprosjekt.actualStart ?? undefined;
  const ready = closing.readiness.ready;
  const record = useRecordClosingDecision(closing.projectId);
  const form = useApiForm<DecisionValues>({
    defaultValues: {
      outcome: '',
      meetingDate: today,
      caseNumber: '',
      decisionText: '',
      successor: { organisation: '', financingText: '', yearlyAmount: '' },
      overrideReason: '',
    },
  });
  const { register } = form;
  const { errors, isSubmitting } = form.formState;
  const outcome = form.watch('outcome');
  const required = (message: string) => (v: string) => v.trim() !== '' || message;

  const submit = form.handleSubmit(async (values) => {
    if (!values.outcome) return;
    try {
      await record.mutateAsync({
        outcome: values.outcome,
        meetingDate: values.meetingDate,
        caseNumber: values.caseNumber.trim(),
        decisionText: values.decisionText.trim(),
        ...(values.outcome === 'carry_on'
          ? {
              successor: {
                organisation: values.successor.organisation.trim(),
                financingText: values.successor.financingText.trim(),
                yearlyAmount: parseWholeNumber(values.successor.yearlyAmount) ?? 0,
              },
            }
          : {}),
        ...(!ready ? { overrideReason: values.overrideReason.trim() } : {}),
      });
      onDecided(values.outcome === 'carry_on' ? t('closing.decision.doneCarryOn') : t('closing.decision.doneClose'));
    } catch (error) {
      applyServerErrors(error, form.setError, {
        t,
        fields: [
          'outcome',
          'meetingDate',
          'caseNumber',
          'decisionText',
          'successor',
          'successor.organisation',
          'successor.financingText',
          'successor.yearlyAmount',
          'overrideReason',
        ],
      });
    }
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Paragraph>{t('closing.decision.intro')}</Paragraph>
      {!ready && (
        <Alert data-color="warning">
          <Paragraph>{t('closing.decision.notReady')}</Paragraph>
          <List.Unordered>
            {closing.readiness.checks
              .filter((c) => !c.ok)
              .map((c) => (
                <List.Item key={c.key}>{t(`closing.readiness.${c.key}`)}</List.Item>
              ))}
          </List.Unordered>
        </Alert>
      )}
      <Fieldset>
        <Fieldset.Legend>{t('closing.decision.outcome')}</Fieldset.Legend>
        {CLOSING_OUTCOMES.map((value) => (
          <Radio
            key={value}
            value={value}
            label={t(`closing.decision.outcomes.${value}`)}
            description={t(`closing.decision.outcomeHints.${value}`)}
            aria-invalid={errors.outcome ? true : undefined}
            {...register('outcome', { required: t('closing.decision.outcomeRequired') })}
          />
        ))}
        {errors.outcome && <ValidationMessage>{errors.outcome.message}</ValidationMessage>}
      </Fieldset>
      <Textfield
        type="date"
        label={t('closing.decision.meetingDate')}
        max={today}
        min={earliest}
        required
        {...register('meetingDate', {
          validate: (date: string) =>
            !date
              ? t('closing.decision.meetingDateRequired')
              : date > today
                ? t('closing.decision.meetingDateFuture')
                : earliest && date < earliest
                  ? t('closing.decision.meetingDateTooEarly', { date: format.date(earliest) })
                  : true,
        })}
        error={errors.meetingDate?.message}
      />
      <Textfield
        label={t('closing.decision.caseNumber')}
        description={t('closing.decision.caseNumberHint')}
        maxLength={60}
        required
        {...register('caseNumber', { validate: required(t('closing.decision.caseNumberRequired')) })}
        error={errors.caseNumber?.message}
      />
      <Textfield
        multiline
        rows={4}
        label={t('closing.decision.decisionText')}
        maxLength={20000}
        required
        {...register('decisionText', { validate: required(t('closing.decision.decisionTextRequired')) })}
        error={errors.decisionText?.message}
      />
      {outcome === 'carry_on' && (
        <Fieldset>
          <Fieldset.Legend>{t('closing.decision.successor')}</Fieldset.Legend>
          <Fieldset.Description>{t('closing.decision.successorHint')}</Fieldset.Description>
          <Textfield
            label={t('closing.decision.organisation')}
            maxLength={200}
            required
            {...register('successor.organisation', { validate: required(t('closing.decision.organisationRequired')) })}
            error={errors.successor?.organisation?.message}
          />
          <Textfield
            multiline
            rows={3}
            label={t('closing.decision.financingText')}
            maxLength={4000}
            required
            {...register('successor.financingText', { validate: required(t('closing.decision.financingRequired')) })}
            error={errors.successor?.financingText?.message}
          />
          <Textfield
            label={t('closing.decision.yearlyAmount')}
            inputMode="numeric"
            required
            {...register('successor.yearlyAmount', {
              validate: (v) => {
                const n = parseWholeNumber(v);
                return (n !== null && Number.isInteger(n) && n >= 0) || t('closing.decision.yearlyAmountInvalid');
              },
            })}
            error={errors.successor?.yearlyAmount?.message}
          />
        </Fieldset>
      )}
      {!ready && (
        <Textfield
          multiline
          rows={3}
          label={t('closing.decision.overrideReason')}
          description={t('closing.decision.overrideHint')}
          maxLength={4000}
          required
          {...register('overrideReason', { validate: required(t('closing.decision.overrideRequired')) })}
          error={errors.overrideReason?.message}
        />
      )}
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('closing.decision.submit')}
        </Button>
      </div>
    </form>
  );
}
