import { useId, useRef, useState } from 'react';
import { Button, Fieldset, Heading, Paragraph, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { DECISION_OUTCOMES, nextPhaseKey, type DecisionOutcome } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useCatalogue } from '../../../lib/catalogue';
import { todayIso } from '../../../lib/dates';
import { useFormat } from '../../../lib/format';
import { useRecordDecision } from '../api/record-decision';

type FieldName = 'outcome' | 'meetingDate' | 'caseNumber' | 'decisionText' | 'conditions';
type Errors = Partial<Record<FieldName, string>>;
const ORDER: FieldName[] = ['outcome', 'meetingDate', 'caseNumber', 'decisionText', 'conditions'];

/**
 * The regionråd's vedtak on the pending submission: outcome, the meeting's date (not in the future,
 * not before the phase began), saksnummer, the decision text, and conditions when approving with conditions.
 */
export function DecisionForm({ project, gate, onDecided }: { project: Project; gate: Gate; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  const headingId = useId();
  const idPrefix = useId();
  const today = todayIso();
  const phase = project.phases.find((p) => p.key === gate.phaseKey);
  const next = nextPhaseKey(gate.phaseKey);
  const phaseTitle = catalogue.phaseTitle(gate.phaseKey);
  const nextTitle = next ? catalogue.phaseTitle(next) : null;

  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [meetingDate, setMeetingDate] = useState(today);
  const [caseNumber, setCaseNumber] = useState('');
  const [decisionText, setDecisionText] = useState('');
  const [conditions, setConditions] = useState('');
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const outcomeRef = useRef<HTMLFieldSetElement>(null);

  const record = useRecordDecision(project.id, gate.phaseKey, {
    onSuccess: () => onDecided(decidedMessage()),
  });

  function decidedMessage(): string {
    switch (outcome) {
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

  const serverError = record.error;
  const fromServer = (field: string) => (isApiError(serverError) ? serverError.messageFor(field) : undefined);
  const errors: Errors = {
    outcome: clientErrors.outcome ?? fromServer('outcome'),
    meetingDate:
      clientErrors.meetingDate ??
      fromServer('meetingDate') ??
      (isApiError(serverError, 'INVALID_PERIOD') ? t('gates.decision.meetingDateInvalid') : undefined),
    caseNumber: clientErrors.caseNumber ?? fromServer('caseNumber'),
    decisionText: clientErrors.decisionText ?? fromServer('decisionText'),
    conditions: clientErrors.conditions ?? fromServer('conditions'),
  };
  const shownAtField = ORDER.some((f) => errors[f] && !clientErrors[f]);

  function clear(field: FieldName) {
    setClientErrors(({ [field]: _cleared, ...rest }) => rest);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!outcome) found.outcome = t('gates.decision.outcomeRequired');
    if (!meetingDate) found.meetingDate = t('gates.decision.meetingDateRequired');
    else if (meetingDate > today) found.meetingDate = t('gates.decision.meetingDateFuture');
    else if (phase?.actualStart && meetingDate < phase.actualStart)
      found.meetingDate = t('gates.decision.meetingDateBeforeStart', { date: format.date(phase.actualStart) });
    if (!caseNumber.trim()) found.caseNumber = t('gates.decision.caseNumberRequired');
    if (!decisionText.trim()) found.decisionText = t('gates.decision.decisionTextRequired');
    if (outcome === 'approved_with_conditions' && !conditions.trim()) found.conditions = t('gates.decision.conditionsRequired');
    setClientErrors(found);
    const first = ORDER.find((f) => found[f]);
    if (first === 'outcome') return outcomeRef.current?.querySelector('input')?.focus();
    if (first) return document.getElementById(`${idPrefix}-${first}`)?.focus();
    if (!outcome || !gate.pendingSubmissionId) return;
    record.mutate({
      submissionId: gate.pendingSubmissionId,
      outcome,
      meetingDate,
      caseNumber: caseNumber.trim(),
      decisionText: decisionText.trim(),
      conditions: outcome === 'approved_with_conditions' ? conditions.trim() : conditions.trim() || null,
    });
  }

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
      <form className="form" onSubmit={submit} noValidate>
        <Fieldset ref={outcomeRef}>
          <Fieldset.Legend>{t('gates.decision.outcome')}</Fieldset.Legend>
          {DECISION_OUTCOMES.map((value) => {
            const text = outcomeText(value);
            return (
              <Radio
                key={value}
                name={`${idPrefix}-outcome`}
                value={value}
                label={text.label}
                description={text.description}
                checked={outcome === value}
                aria-invalid={errors.outcome ? true : undefined}
                onChange={() => {
                  setOutcome(value);
                  clear('outcome');
                }}
              />
            );
          })}
          {errors.outcome && <ValidationMessage>{errors.outcome}</ValidationMessage>}
        </Fieldset>
        <Textfield
          id={`${idPrefix}-meetingDate`}
          type="date"
          label={t('gates.decision.meetingDate')}
          description={t('gates.decision.meetingDateHint')}
          value={meetingDate}
          max={today}
          min={phase?.actualStart ?? undefined}
          onChange={(e) => {
            setMeetingDate(e.target.value);
            clear('meetingDate');
          }}
          error={errors.meetingDate}
          required
        />
        <Textfield
          id={`${idPrefix}-caseNumber`}
          label={t('gates.decision.caseNumber')}
          description={t('gates.decision.caseNumberHint')}
          value={caseNumber}
          onChange={(e) => {
            setCaseNumber(e.target.value);
            clear('caseNumber');
          }}
          error={errors.caseNumber}
          required
          maxLength={60}
          autoComplete="off"
        />
        <Textfield
          id={`${idPrefix}-decisionText`}
          multiline
          rows={5}
          label={t('gates.decision.decisionText')}
          description={t('gates.decision.decisionTextHint')}
          value={decisionText}
          onChange={(e) => {
            setDecisionText(e.target.value);
            clear('decisionText');
          }}
          error={errors.decisionText}
          required
          maxLength={20000}
        />
        {outcome === 'approved_with_conditions' && (
          <Textfield
            id={`${idPrefix}-conditions`}
            multiline
            rows={4}
            label={t('gates.decision.conditions')}
            description={t('gates.decision.conditionsHint')}
            value={conditions}
            onChange={(e) => {
              setConditions(e.target.value);
              clear('conditions');
            }}
            error={errors.conditions}
            required
          />
        )}
        {record.isError && !shownAtField && <ErrorAlert error={record.error} />}
        <div className="form__actions">
          <Button type="submit" loading={record.isPending} disabled={record.isPending}>
            {t('gates.decision.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
