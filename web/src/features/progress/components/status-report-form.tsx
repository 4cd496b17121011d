import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Link, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { isReportPeriod, REPORT_ASPECTS, type ReportAspect } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { StatusReport } from '../../../api/progress-types';
import { FormDialog } from '../../../components/form-dialog';
import { isApiError } from '../../../lib/api-error';
import { parseWholeNumber } from '../../../lib/money';
import { useDeleteStatusReport } from '../api/delete-status-report';
import { usePublishStatusReport } from '../api/publish-status-report';
import { useUpdateStatusReport } from '../api/update-status-report';
import { ProgressError } from './progress-error';
import { usePeriod } from './progress-text';
import { ColourChoice } from './status-colours';
import { FIGURES, toDraft, toUpdateBody, type Draft, type FigureKey, type Problem } from './status-report-draft';
import './progress.css';

/**
 * A draft report's form: period, each aspect's colour and comment, the economy's figures and next
 * steps; save, publish (after confirming) and delete. Problems are listed above the form, each a link
 * to its field.
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
  const { t } = useTranslation();
  const period = usePeriod();
  const formId = useId();
  const problemsRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<Draft>(() => toDraft(report));
  const [dirty, setDirty] = useState(false);
  const [shownProblems, setShownProblems] = useState<Problem[] | null>(null);
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null);
  const update = useUpdateStatusReport(projectId, report.id);
  const publish = usePublishStatusReport(projectId, report.id);
  const remove = useDeleteStatusReport(projectId, report.id, {
    onSuccess: () => onDeleted(t('progress.report.deleted', { period: period(report.period) })),
  });
  const error = update.error ?? publish.error ?? remove.error;
  const conflict = isApiError(error, 'VERSION_CONFLICT');
  const busy = update.isPending || publish.isPending || remove.isPending;

  const aspectId = (aspect: ReportAspect) => `${formId}-${aspect}`;
  const figureId = (key: FigureKey) => `${formId}-${key}`;

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const setAspect = (aspect: ReportAspect, patch: Partial<Draft['economy']>) => {
    setDraft((d) => ({ ...d, [aspect]: { ...d[aspect], ...patch } }));
    setDirty(true);
  };

  function problems(): Problem[] {
    const found: Problem[] = [];
    if (!isReportPeriod(draft.period))
      found.push({ id: `${formId}-period`, message: t('progress.reports.periodInvalid'), publishOnly: false });
    for (const key of FIGURES) {
      const value = parseWholeNumber(draft.economy[key]);
      if (value !== null && (Number.isNaN(value) || value < 0)) {
        found.push({
          id: figureId(key),
          message: t('progress.report.invalidFigure', { field: t(`progress.report.figures.${key}`) }),
          publishOnly: false,
        });
      }
    }
    for (const aspect of REPORT_ASPECTS) {
      if (!draft[aspect].colour)
        found.push({
          id: aspectId(aspect),
          message: t('progress.report.missingColour', { aspect: t(`progress.aspects.${aspect}`) }),
          publishOnly: true,
        });
    }
    return found;
  }

  function showProblems(found: Problem[]): boolean {
    if (found.length === 0) {
      setShownProblems(null);
      return false;
    }
    setShownProblems(found);
    requestAnimationFrame(() => problemsRef.current?.focus());
    return true;
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (showProblems(problems().filter((p) => !p.publishOnly))) return;
    publish.reset();
    remove.reset();
    try {
      await update.mutateAsync(toUpdateBody(draft, report.version));
      setDirty(false);
      onSaved(t('progress.report.saved'));
    } catch {
      // shown below
    }
  }

  async function doPublish() {
    setConfirm(null);
    if (showProblems(problems())) return;
    update.reset();
    remove.reset();
    try {
      const version = dirty ? (await update.mutateAsync(toUpdateBody(draft, report.version))).version : report.version;
      setDirty(false);
      await publish.mutateAsync(version);
      onPublished(t('progress.report.published', { period: period(draft.period) }));
    } catch {
      // shown below
    }
  }

  const problemFor = (id: string) => shownProblems?.find((p) => p.id === id)?.message;

  return (
    <form className="form status-report-form" onSubmit={(e) => void save(e)} noValidate>
      {shownProblems && shownProblems.length > 0 && (
        <Alert data-color="danger" ref={problemsRef} tabIndex={-1}>
          <Heading level={2} data-size="xs">
            {t('progress.report.problemsHeading')}
          </Heading>
          <List.Unordered>
            {shownProblems.map((p) => (
              <List.Item key={p.id}>
                <Link
                  href={`#${p.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    const el = document.getElementById(p.id);
                    (el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input, textarea'))?.focus();
                  }}
                >
                  {p.message}
                </Link>
              </List.Item>
            ))}
          </List.Unordered>
        </Alert>
      )}
      <Textfield
        id={`${formId}-period`}
        type="month"
        label={t('progress.reports.period')}
        description={t('progress.report.periodHint')}
        value={draft.period}
        error={problemFor(`${formId}-period`)}
        onChange={(e) => set({ period: e.target.value })}
        className="status-report-form__period"
      />
      {REPORT_ASPECTS.map((aspect) => (
        <div key={aspect} className="status-aspect panel">
          <ColourChoice
            id={aspectId(aspect)}
            name={`${formId}-${aspect}-colour`}
            legend={t(`progress.aspects.${aspect}`)}
            value={draft[aspect].colour}
            error={problemFor(aspectId(aspect))}
            onChange={(colour) => setAspect(aspect, { colour })}
          />
          {aspect === 'economy' && (
            <div className="form__row">
              {FIGURES.map((key) => (
                <Textfield
                  key={key}
                  id={figureId(key)}
                  label={t(`progress.report.figures.${key}`)}
                  description={t(`progress.report.figureHints.${key}`)}
                  inputMode="numeric"
                  suffix="kr"
                  value={draft.economy[key]}
                  error={problemFor(figureId(key))}
                  onChange={(e) => setAspect('economy', { [key]: e.target.value })}
                />
              ))}
            </div>
          )}
          <Textfield
            multiline
            rows={3}
            label={t('progress.report.comment', { aspect: t(`progress.aspects.${aspect}`) })}
            value={draft[aspect].comment}
            onChange={(e) => setAspect(aspect, { comment: e.target.value })}
          />
        </div>
      ))}
      <Textfield
        multiline
        rows={4}
        label={t('progress.report.nextSteps')}
        description={t('progress.report.nextStepsHint')}
        value={draft.nextSteps}
        onChange={(e) => set({ nextSteps: e.target.value })}
      />
      {error ? (
        <div className="section">
          <ProgressError error={error} />
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
        {dirty && <Paragraph className="muted form__note">{t('progress.report.unsaved')}</Paragraph>}
      </div>
      {confirm && (
        <FormDialog
          open
          onClose={() => setConfirm(null)}
          title={
            confirm === 'publish'
              ? t('progress.report.confirmPublishTitle', { period: period(draft.period) })
              : t('progress.report.confirmDeleteTitle', { period: period(draft.period) })
          }
          submitLabel={confirm === 'publish' ? t('progress.report.publish') : t('progress.report.delete')}
          submitColor={confirm === 'delete' ? 'danger' : undefined}
          onConfirm={() => {
            if (confirm === 'publish') void doPublish();
            else {
              setConfirm(null);
              update.reset();
              publish.reset();
              remove.mutate();
            }
          }}
        >
          <Paragraph>{confirm === 'publish' ? t('progress.report.confirmPublishBody') : t('progress.report.confirmDeleteBody')}</Paragraph>
        </FormDialog>
      )}
    </form>
  );
}
