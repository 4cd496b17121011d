import { useId, useState } from 'react';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { REPORT_ASPECTS, todayInOslo } from '@nvr/shared';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StatusReport } from '../../../api/progress-types';
import { FormDialog } from '../../../components/form-dialog';
import { FormError } from '../../../components/form-error';
import { applyServerErrors, useApiForm } from '../../../lib/use-api-form';
import { useDeleteStatusReport } from '../api/delete-status-report';
import { usePublishStatusReport } from '../api/publish-status-report';
import { useUpdateStatusReport } from '../api/update-status-report';
import { progressErrorMessage, usePeriod } from './progress-text';
import { ColourChoice } from './status-colours';
import {
  COMMENT_MAX_LENGTH,
  DRAFT_CODE_FIELDS,
  DRAFT_FIELDS,
  FIGURES,
  NEXT_STEPS_MAX_LENGTH,
  publishProblems,
  statusReportSchema,
  toDraft,
  toUpdateBody,
  type Draft,
  type DraftField,
} from './status-report-draft';
import { StatusReportProblems, type Problem } from './status-report-problems';
import './progress.css';

/**
 * A draft report's form: period, each aspect's colour and comment, the economy's figures and next
 * steps; save, publish (after confirming) and delete. Problems are listed above the form, each a link
 * to its field. Saving checks the period and figures; publishing also needs the month to be over, every
 * colour and a comment on each yellow or red aspect (publishProblems), and saves unsaved changes first. A save or publish against a newer version (409 VERSION_CONFLICT) offers to
 * reload the report.
 */
export function StatusReportForm({
  projectId,
  report,
  onSaved,
  onPublished,
  onDeleted,
  onReload,
}: {
  projectId: string;
  report: StatusReport;
  onSaved: (message: string) => void;
  onPublished: (message: string) => void;
  onDeleted: (message: string) => void;
  onReload: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const period = usePeriod();
  const formId = useId();
  const [focusProblems, setFocusProblems] = useState(0);
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  // Focus goes to the list of problems rather than the first field (see StatusReportProblems).
  const form = useApiForm<Draft>({ defaultValues: toDraft(report), shouldFocusError: false });
  const { register, control, formState } = form;
  const { errors, isDirty } = formState;
  const schema = statusReportSchema(t, i18n.resolvedLanguage ?? 'nb');
  const update = useUpdateStatusReport(projectId, report.id);
  const publish = usePublishStatusReport(projectId, report.id);
  const remove = useDeleteStatusReport(projectId, report.id, {
    onSuccess: () => onDeleted(t('progress.report.deleted', { period: period(report.period) })),
  });
  const busy = update.isPending || publish.isPending || remove.isPending;
  const conflict = form.formErrorCode === 'VERSION_CONFLICT';

  const fieldId = (name: DraftField) => `${formId}-${name.replace('.', '-')}`;
  const problems: Problem[] = DRAFT_FIELDS.flatMap((name) => {
    const message = form.getFieldState(name, formState).error?.message;
    return message ? [{ id: fieldId(name), message }] : [];
  });

  /** A refusal: field errors at their fields (and in the list), anything else below the form. */
  const showError = (error: unknown) =>
    applyServerErrors<Draft>(error, form.setError, {
      t,
      fields: DRAFT_FIELDS,
      codeFields: DRAFT_CODE_FIELDS,
      message: progressErrorMessage,
    });
  const stopped = () => setFocusProblems((n) => n + 1);

  /**
   * Marks what publishing needs that the draft lacks (a month not over, colours, comments on yellow and
   * red) at its fields, before anything is sent; each clears when corrected. True when anything is missing.
   */
  function markPublishProblems(): boolean {
    const missing = publishProblems(form.getValues(), todayInOslo(), t, i18n.resolvedLanguage ?? 'nb');
    missing.forEach(({ name, message }) => form.setError(name, { type: 'publish', message }));
    return missing.length > 0;
  }

  const save = form.handleSubmit(async (values) => {
    try {
      await update.mutateAsync(toUpdateBody(values, report.version));
      // What was saved is the new starting point; anything typed meanwhile stays, and stays unsaved.
      form.reset(values, { keepValues: true });
      onSaved(t('progress.report.saved'));
    } catch (error) {
      showError(error);
    }
  }, stopped);

  const publishNow = form.handleSubmit(
    async (values) => {
      if (markPublishProblems()) {
        stopped();
        return;
      }
      try {
        let version = report.version;
        if (isDirty) {
          version = (await update.mutateAsync(toUpdateBody(values, report.version))).version;
          form.reset(values, { keepValues: true });
        }
        await publish.mutateAsync(version);
        onPublished(t('progress.report.published', { period: period(values.period) }));
      } catch (error) {
        showError(error);
      }
    },
    () => {
      markPublishProblems();
      stopped();
    },
  );

  return (
    <form className="form status-report-form" onSubmit={(e) => void save(e)} noValidate>
      <StatusReportProblems problems={problems} focusRequest={focusProblems} />
      <Textfield
        id={fieldId('period')}
        type="month"
        label={t('progress.reports.period')}
        description={t('progress.report.periodHint')}
        {...register('period', schema.period)}
        error={errors.period?.message}
        className="status-report-form__period"
      />
      {REPORT_ASPECTS.map((aspect) => (
        <div key={aspect} className="status-aspect panel">
          <Controller
            control={control}
            name={`${aspect}.colour`}
            render={({ field, fieldState }) => (
              <ColourChoice
                id={fieldId(`${aspect}.colour`)}
                name={`${formId}-${aspect}-colour`}
                legend={t(`progress.aspects.${aspect}`)}
                value={field.value}
                error={fieldState.error?.message}
                onChange={(colour) => {
                  field.onChange(colour);
                  form.clearErrors(`${aspect}.colour`);
                  // A green aspect needs no comment.
                  if (colour === 'green' && form.getFieldState(`${aspect}.comment`).error?.type === 'publish')
                    form.clearErrors(`${aspect}.comment`);
                }}
              />
            )}
          />
          {aspect === 'economy' && (
            <div className="form__row">
              {FIGURES.map((key) => (
                <Textfield
                  key={key}
                  id={fieldId(`economy.${key}`)}
                  label={t(`progress.report.figures.${key}`)}
                  description={t(`progress.report.figureHints.${key}`)}
                  inputMode="numeric"
                  suffix="kr"
                  {...register(`economy.${key}`, schema[`economy.${key}`])}
                  error={errors.economy?.[key]?.message}
                />
              ))}
            </div>
          )}
          <Textfield
            id={fieldId(`${aspect}.comment`)}
            multiline
            rows={3}
            label={t('progress.report.comment', { aspect: t(`progress.aspects.${aspect}`) })}
            description={t('progress.report.commentHint')}
            maxLength={COMMENT_MAX_LENGTH}
            {...register(`${aspect}.comment`)}
            error={errors[aspect]?.comment?.message}
          />
        </div>
      ))}
      <Textfield
        id={fieldId('nextSteps')}
        multiline
        rows={4}
        label={t('progress.report.nextSteps')}
        description={t('progress.report.nextStepsHint')}
        maxLength={NEXT_STEPS_MAX_LENGTH}
        {...register('nextSteps')}
        error={errors.nextSteps?.message}
      />
      {form.formError ? (
        <div className="section">
          <FormError message={form.formError} />
          {conflict && (
            <div>
              <Button type="button" variant="secondary" onClick={() => void onReload()}>
                {t('progress.report.reload')}
              </Button>
            </div>
          )}
        </div>
      ) : null}
      <div className="form__actions">
        <Button type="submit" variant="secondary" loading={update.isPending && !publish.isPending} disabled={busy}>
          {t('progress.report.save')}
        </Button>
        <Button type="button" onClick={() => setConfirm('publish')} loading={publish.isPending} disabled={busy}>
          {t('progress.report.publish')}
        </Button>
        <Button
          type="button"
          variant="tertiary"
          data-color="danger"
          onClick={() => setConfirm('delete')}
          loading={remove.isPending}
          disabled={busy}
        >
          {t('progress.report.delete')}
        </Button>
        {isDirty && <Paragraph className="muted form__note">{t('progress.report.unsaved')}</Paragraph>}
      </div>
      {confirm && (
        <FormDialog
          open
          onClose={() => setConfirm(null)}
          title={
            confirm === 'publish'
              ? t('progress.report.confirmPublishTitle', { period: period(form.getValues('period')) })
              : t('progress.report.confirmDeleteTitle', { period: period(form.getValues('period')) })
          }
          submitLabel={confirm === 'publish' ? t('progress.report.publish') : t('progress.report.delete')}
          submitColor={confirm === 'delete' ? 'danger' : undefined}
          onConfirm={() => {
            setConfirm(null);
            if (confirm === 'publish') void publishNow();
            else {
              form.clearErrors('root');
              remove.mutate(undefined, { onError: showError });
            }
          }}
        >
          <Paragraph>{confirm === 'publish' ? t('progress.report.confirmPublishBody') : t('progress.report.confirmDeleteBody')}</Paragraph>
        </FormDialog>
      )}
    </form>
  );
}
