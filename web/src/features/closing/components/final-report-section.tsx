import { useEffect, useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { FINAL_REPORT_SECTION_KEYS, type FinalReportSectionKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';
import { ErrorAlert } from '../../../components/error-alert';
import { FormError } from '../../../components/form-error';
import { SaveFeedback } from '../../../components/save-feedback';
import { useFormat } from '../../../lib/format';
import { formatKroner, parseWholeNumber } from '../../../lib/money';
import { applyServerErrors, useApiForm } from '../../../lib/use-api-form';
import { closingReportUrl, downloadClosingReport } from '../api/download-report';
import { getClosingQueryOptions } from '../api/get-closing';
import { useStartReport } from '../api/start-report';
import { useUpdateReport } from '../api/update-report';
import type { Closing, ClosingReport } from '../api/types';
import { useClosingText } from './closing-text';

interface ReportValues {
  sections: Record<FinalReportSectionKey, string>;
  budgetTotal: string;
  spentTotal: string;
}

const SECTION_MAX = 20000;

function valuesOf(report: ClosingReport): ReportValues {
  return {
    sections: { ...report.sections },
    budgetTotal: report.budgetTotal === null ? '' : String(report.budgetTotal),
    spentTotal: report.spentTotal === null ? '' : String(report.spentTotal),
  };
}

/** The final report (sluttrapport): started from the outline by the leader, edited section by section, downloaded as PDF or Word. */
export function FinalReportSection({ closing, onSaved }: { closing: Closing; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const text = useClosingText();
  const start = useStartReport(closing.projectId);
  const report = closing.report;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('closing.report.heading')}
      </Heading>
      {!report ? (
        <>
          <Paragraph>{t('closing.report.none')}</Paragraph>
          {closing.permissions.editReport ? (
            <>
              <Paragraph data-size="sm">{t('closing.report.startHint')}</Paragraph>
              <Button
                type="button"
                loading={start.isPending}
                disabled={start.isPending}
                onClick={() => start.mutate({ lang: text.lang }, { onSuccess: () => onSaved(t('closing.report.started')) })}
              >
                {t('closing.report.start')}
              </Button>
              {start.error ? <ErrorAlert error={start.error} /> : null}
            </>
          ) : (
            closing.phaseProblem === null && <Paragraph className="muted">{t('closing.report.waiting')}</Paragraph>
          )}
        </>
      ) : (
        <>
          <DownloadButtons
            label={t('closing.report.downloads')}
            choices={(['pdf', 'docx'] as const).map((format) => ({
              key: format,
              label: t(`closing.report.${format}`),
              href: closingReportUrl(closing.projectId, format, text.lang),
              fetchFile: () => downloadClosingReport(closing.projectId, format, text.lang),
            }))}
          />
          {closing.permissions.editReport ? (
            <ReportForm closing={closing} report={report} onSaved={onSaved} />
          ) : (
            <ReportView report={report} />
          )}
        </>
      )}
    </section>
  );
}

function EconomyFacts({ report }: { report: ClosingReport }) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  const latest = report.facts.latestStatusReport;
  return (
    <Paragraph data-size="sm" className="muted">
      {t('closing.report.factsPlan', { costs: kr(report.facts.plannedCosts), financing: kr(report.facts.plannedFinancing) })}{' '}
      {latest && latest.spentToDate !== null
        ? t('closing.report.factsLatest', {
            period: latest.period,
            spent: kr(latest.spentToDate),
            forecast: latest.forecast === null ? '–' : kr(latest.forecast),
          })
        : t('closing.report.factsNoReport')}
    </Paragraph>
  );
}

function ReportView({ report }: { report: ClosingReport }) {
  const { t, i18n } = useTranslation();
  const text = useClosingText();
  const kr = (n: number | null) => (n === null ? '–' : formatKroner(n, i18n.resolvedLanguage ?? 'nb'));
  return (
    <div className="document">
      {FINAL_REPORT_SECTION_KEYS.map((key) => (
        <div key={key}>
          <Heading level={3} data-size="xs">
            {text.sectionTitle(key)}
          </Heading>
          {report.sections[key].trim() ? (
            <Paragraph className="prewrap">{report.sections[key]}</Paragraph>
          ) : (
            <Paragraph className="muted">{t('closing.report.empty')}</Paragraph>
          )}
          {key === 'economy' && (
            <dl className="facts">
              <dt>{t('closing.report.budgetTotal')}</dt>
              <dd>{kr(report.budgetTotal)}</dd>
              <dt>{t('closing.report.spentTotal')}</dt>
              <dd>{kr(report.spentTotal)}</dd>
            </dl>
          )}
        </div>
      ))}
    </div>
  );
}

function ReportForm({ closing, report, onSaved }: { closing: Closing; report: ClosingReport; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useClosingText();
  const update = useUpdateReport(closing.projectId);
  const queryClient = useQueryClient();
  const [reloaded, setReloaded] = useState(false);
  const form = useApiForm<ReportValues>({ defaultValues: valuesOf(report) });
  const { register, reset, formState } = form;
  const { errors, isSubmitting, isDirty } = formState;

  // A report saved elsewhere (or just now) becomes the form's starting point, unless it is being edited.
  useEffect(() => {
    if (!isDirty) reset(valuesOf(report));
  }, [report, isDirty, reset]);

  const amount = (value: string) => {
    const n = parseWholeNumber(value);
    return n === null || (Number.isInteger(n) && n >= 0) || t('closing.report.amountInvalid');
  };

  const submit = form.handleSubmit(async (values) => {
    setReloaded(false);
    try {
      await update.mutateAsync({
        sections: values.sections,
        budgetTotal: parseWholeNumber(values.budgetTotal),
        spentTotal: parseWholeNumber(values.spentTotal),
        version: report.version,
      });
      reset(values);
      onSaved(t('closing.report.saved'));
    } catch (error) {
      applyServerErrors(error, form.setError, {
        t,
        fields: [...FINAL_REPORT_SECTION_KEYS.map((k) => `sections.${k}`), 'budgetTotal', 'spentTotal'],
      });
    }
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Paragraph data-size="sm" className="muted">
        {t('closing.report.lastSaved', {
          date: format.dateTime(report.updatedAt),
          name: report.updatedBy?.name ?? report.createdBy?.name ?? '–',
        })}
      </Paragraph>
      {FINAL_REPORT_SECTION_KEYS.map((key) => (
        <div key={key} className="closing-report__section">
          <Textfield
            multiline
            rows={key === 'went_well' || key === 'went_less_well' || key === 'recommendations' ? 5 : 7}
            label={text.sectionTitle(key)}
            description={text.sectionGuidance(key)}
            maxLength={SECTION_MAX}
            {...register(`sections.${key}`, {
              maxLength: { value: SECTION_MAX, message: t('closing.report.tooLong', { max: SECTION_MAX }) },
            })}
            error={errors.sections?.[key]?.message}
          />
          {key === 'economy' && (
            <>
              <EconomyFacts report={report} />
              <div className="form__row">
                <Textfield
                  label={t('closing.report.budgetTotal')}
                  inputMode="numeric"
                  {...register('budgetTotal', { validate: amount })}
                  error={errors.budgetTotal?.message}
                />
                <Textfield
                  label={t('closing.report.spentTotal')}
                  inputMode="numeric"
                  {...register('spentTotal', { validate: amount })}
                  error={errors.spentTotal?.message}
                />
              </div>
            </>
          )}
        </div>
      ))}
      <SaveFeedback
        reloaded={reloaded}
        conflict={form.formErrorCode === 'VERSION_CONFLICT'}
        onReload={() =>
          void queryClient.fetchQuery({ ...getClosingQueryOptions(closing.projectId), staleTime: 0 }).then((fresh) => {
            if (fresh.report) reset(valuesOf(fresh.report));
            form.clearErrors();
            setReloaded(true);
          })
        }
        error={null}
        conflictBody={form.formErrorCode === 'VERSION_CONFLICT' ? form.formError : undefined}
      />
      {form.formErrorCode !== 'VERSION_CONFLICT' && <FormError message={form.formError} />}
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('closing.report.save')}
        </Button>
      </div>
    </form>
  );
}
