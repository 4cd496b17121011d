import { useId, useRef } from 'react';
import { Button, Field, Fieldset, Heading, Input, Label, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import {
  DECISION_OUTCOMES,
  type DecisionOutcome,
  fileKindOfName,
  MAX_UPLOAD_BYTES,
  uploadAccept,
  uploadAllows,
  todayInOslo,
} from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useApiForm } from '../../../lib/use-api-form';
import type { CaseStep } from '../api/gate-types';
import { useAttachStepMinutes, useHandleStep } from '../api/handle-step';

interface StepValues {
  meetingDate: string;
  caseNumber: string;
  recommendedOutcome: DecisionOutcome | '';
  recommendation: string;
}

/**
 * Records how the body holding the case handled it: the meeting, its case number, its innstilling (what
 * it recommends the deciding body to decide) and the text; the minutes may go with it. The case then
 * moves on to the next body, which is told.
 */
export function HandleStepForm({
  project,
  gate,
  step,
  onHandled,
}: {
  project: Project;
  gate: Gate;
  step: CaseStep;
  onHandled: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const today = todayInOslo();
  const form = useApiForm<StepValues>({
    defaultValues: { meetingDate: today, caseNumber: '', recommendedOutcome: '', recommendation: '' },
    codeFields: { INVALID_PERIOD: 'meetingDate', MEETING_DATE_IN_FUTURE: 'meetingDate', MEETING_BEFORE_PREVIOUS_STEP: 'meetingDate' },
  });
  const { errors, isSubmitting } = form.formState;
  const handle = useHandleStep(project.id, gate.phaseKey);
  const attach = useAttachStepMinutes(project.id, gate.phaseKey);
  const fileError = errors.root?.file?.message;

  /** Reads the chosen file when the form is sent (an event, not render). */
  async function onValid(values: StepValues) {
    const file = fileRef.current?.files?.[0] ?? null;
    if (file && (!uploadAllows('document', fileKindOfName(file.name)) || file.size > MAX_UPLOAD_BYTES)) {
      form.setError('root.file', {
        message: t(uploadAllows('document', fileKindOfName(file.name)) ? 'errors.FILE_TOO_LARGE' : 'files.typeNotAllowed.document'),
      });
      fileRef.current?.focus();
      return;
    }
    if (!values.recommendedOutcome) return;
    try {
      const steps = await handle.mutateAsync({
        stepId: step.id,
        body: {
          meetingDate: values.meetingDate,
          caseNumber: values.caseNumber.trim(),
          recommendedOutcome: values.recommendedOutcome,
          recommendation: values.recommendation.trim() || undefined,
        },
      });
      if (file) await attach.mutateAsync({ stepId: step.id, file });
      const next = steps.find((s) => s.current);
      onHandled(
        next ? t('gate.handle.doneNext', { body: step.bodyName, next: next.bodyName }) : t('gate.handle.done', { body: step.bodyName }),
      );
    } catch (error) {
      form.applyServerErrors(error);
    }
  }

  return (
    <form className="form panel" aria-labelledby={headingId} onSubmit={(e) => void form.handleSubmit(onValid)(e)} noValidate>
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('gate.handle.heading', { body: step.bodyName })}
      </Heading>
      <Textfield
        type="date"
        label={t('gate.route.meetingDate')}
        max={today}
        {...form.register('meetingDate', {
          validate: (v) => (!v ? t('gates.decision.meetingDateRequired') : v > today ? t('gate.handle.meetingDateFuture') : true),
        })}
        error={errors.meetingDate?.message}
        required
      />
      <Textfield
        label={t('gate.route.caseNumber')}
        description={t('gates.decision.caseNumberHint')}
        {...form.register('caseNumber', { validate: (v) => v.trim() !== '' || t('gates.decision.caseNumberRequired') })}
        error={errors.caseNumber?.message}
        required
        maxLength={60}
        autoComplete="off"
      />
      <Fieldset>
        <Fieldset.Legend>{t('gate.route.recommendedOutcome')}</Fieldset.Legend>
        <Fieldset.Description>{t('gate.handle.recommendedOutcomeHint')}</Fieldset.Description>
        {DECISION_OUTCOMES.map((value) => (
          <Radio
            key={value}
            value={value}
            label={t(`gates.outcome.${value}`)}
            aria-invalid={errors.recommendedOutcome ? true : undefined}
            {...form.register('recommendedOutcome', { required: t('gate.handle.recommendedOutcomeRequired') })}
          />
        ))}
        {errors.recommendedOutcome && <ValidationMessage>{errors.recommendedOutcome.message}</ValidationMessage>}
      </Fieldset>
      <Textfield
        multiline
        rows={4}
        label={t('gate.handle.recommendation')}
        description={t('gate.handle.recommendationHint')}
        {...form.register('recommendation')}
        error={errors.recommendation?.message}
        maxLength={20000}
      />
      <Field>
        <Label>{t('gate.handle.minutes')}</Label>
        <Field.Description>{t('files.hint')}</Field.Description>
        <Input
          ref={fileRef}
          type="file"
          accept={uploadAccept('document')}
          aria-invalid={fileError ? true : undefined}
          onChange={() => form.clearErrors('root.file')}
        />
        {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
      </Field>
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('gate.handle.submit')}
        </Button>
      </div>
    </form>
  );
}
