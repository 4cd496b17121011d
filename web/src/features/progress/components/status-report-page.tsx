import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, Heading, Link, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { isReportPeriod, REPORT_ASPECTS, type ReportAspect, type StatusColour } from '@nvr/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StatusReport, UpdateStatusReportBody } from '../../../api/progress-types';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { useFormat } from '../../../lib/format';
import { formatKroner, parseWholeNumber } from '../../../lib/money';
import { useDeleteStatusReport } from '../api/delete-status-report';
import { getStatusReportQueryOptions } from '../api/get-status-report';
import { usePublishStatusReport } from '../api/publish-status-report';
import { useUpdateStatusReport } from '../api/update-status-report';
import { ProgressError } from './progress-error';
import { usePeriod } from './progress-text';
import { ColourChoice, StatusColourTag } from './status-colours';
import { ReportStateTag } from './status-reports-list';
import './progress.css';

/**
 * One status report: the form while it is a draft the person may change (each aspect a colour with
 * words and a comment, the economy's figures, next steps; save, publish, delete), otherwise the
 * report as text. Published reports are frozen.
 */
export function StatusReportPage({
  projectId,
  report,
  message = null,
  onDeleted,
}: {
  projectId: string;
  report: StatusReport;
  /** A message from the page before (e.g. "the draft is created"), shown until the next one. */
  message?: string | null;
  onDeleted: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = usePeriod();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(message);
  const [session, setSession] = useState(0);

  const announce = useCallback((message: string) => {
    setStatus(message);
    requestAnimationFrame(() => headingRef.current?.focus());
  }, []);

  const reload = useCallback(async () => {
    await queryClient.fetchQuery({ ...getStatusReportQueryOptions(projectId, report.id), staleTime: 0 });
    setSession((s) => s + 1);
    setStatus(t('progress.report.reloaded'));
  }, [queryClient, projectId, report.id, t]);

  return (
    <>
      <div className="page-header">
        <div className="page-header__title">
          <Heading level={1} data-size="lg" ref={headingRef} tabIndex={-1}>
            {t('progress.report.title', { period: period(report.period) })}
          </Heading>
          <ReportStateTag state={report.state} />
        </div>
      </div>
      <Paragraph className="muted">
        {report.state === 'published' && report.publishedAt
          ? t('progress.report.publishedBy', {
              dateTime: format.dateTime(report.publishedAt),
              name: report.publishedBy?.name ?? t('progress.report.someone'),
            })
          : t('progress.report.draftChanged', { dateTime: format.dateTime(report.updatedAt) })}
        {report.copiedFromId && (
          <>
            {' '}
            <Link asChild>
              <RouterLink to={`/prosjekter/${projectId}/statusrapporter/${report.copiedFromId}`}>
                {t('progress.report.copiedFrom')}
              </RouterLink>
            </Link>
          </>
        )}
      </Paragraph>
      <StatusMessage message={status} />
      {report.state === 'published' && (
        <Alert data-color="info">
          <Paragraph>{t('progress.report.frozen')}</Paragraph>
        </Alert>
      )}
      {report.editable ? (
        <StatusReportForm
          key={session}
          projectId={projectId}
          report={report}
          onSaved={setStatus}
          onPublished={announce}
          onDeleted={onDeleted}
          onReload={reload}
        />
      ) : (
        <StatusReportView report={report} />
      )}
    </>
  );
}

interface Aspect {
  colour: StatusColour | null;
  comment: string;
}

interface Draft {
  period: string;
  overall: Aspect;
  progress: Aspect;
  economy: Aspect & { budgetTotal: string; spentToDate: string; forecast: string };
  risk: Aspect;
  nextSteps: string;
}

const money = (n: number | null) => (n === null ? '' : String(n));

function toDraft(r: StatusReport): Draft {
  return {
    period: r.period,
    overall: { colour: r.overall.colour, comment: r.overall.comment },
    progress: { colour: r.progress.colour, comment: r.progress.comment },
    economy: {
      colour: r.economy.colour,
      comment: r.economy.comment,
      budgetTotal: money(r.economy.budgetTotal),
      spentToDate: money(r.economy.spentToDate),
      forecast: money(r.economy.forecast),
    },
    risk: { colour: r.risk.colour, comment: r.risk.comment },
    nextSteps: r.nextSteps,
  };
}

type FigureKey = 'budgetTotal' | 'spentToDate' | 'forecast';
const FIGURES: FigureKey[] = ['budgetTotal', 'spentToDate', 'forecast'];

interface Problem {
  id: string;
  message: string;
  /** Only publishing needs it (a draft may lack colours). */
  publishOnly: boolean;
}

function StatusReportForm({
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

  function body(): UpdateStatusReportBody {
    const figure = (key: FigureKey) => parseWholeNumber(draft.economy[key]);
    const aspect = (a: Aspect) => ({ ...(a.colour ? { colour: a.colour } : {}), comment: a.comment });
    return {
      period: draft.period,
      overall: aspect(draft.overall),
      progress: aspect(draft.progress),
      risk: aspect(draft.risk),
      economy: {
        ...aspect(draft.economy),
        budgetTotal: figure('budgetTotal'),
        spentToDate: figure('spentToDate'),
        forecast: figure('forecast'),
      },
      nextSteps: draft.nextSteps,
      version: report.version,
    };
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
      await update.mutateAsync(body());
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
      const version = dirty ? (await update.mutateAsync(body())).version : report.version;
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
        <ConfirmDialog
          title={
            confirm === 'publish'
              ? t('progress.report.confirmPublishTitle', { period: period(draft.period) })
              : t('progress.report.confirmDeleteTitle', { period: period(draft.period) })
          }
          body={confirm === 'publish' ? t('progress.report.confirmPublishBody') : t('progress.report.confirmDeleteBody')}
          confirmLabel={confirm === 'publish' ? t('progress.report.publish') : t('progress.report.delete')}
          danger={confirm === 'delete'}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            if (confirm === 'publish') void doPublish();
            else {
              setConfirm(null);
              update.reset();
              publish.reset();
              remove.mutate();
            }
          }}
        />
      )}
    </form>
  );
}

function ConfirmDialog({
  title,
  body,
  confirmLabel,
  danger,
  onCancel,
  onConfirm,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Dialog open onClose={onCancel} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{body}</Paragraph>
        <div className="form__actions">
          <Button type="button" data-color={danger ? 'danger' : undefined} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button type="button" variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

/** A published report (or a draft one may only read), aspect by aspect. */
function StatusReportView({ report }: { report: StatusReport }) {
  const { t, i18n } = useTranslation();
  const kr = (n: number | null) => (n === null ? t('progress.report.notGiven') : formatKroner(n, i18n.resolvedLanguage ?? 'nb'));
  const { budgetTotal, spentToDate, forecast } = report.economy;
  const overBy =
    budgetTotal !== null && forecast !== null && budgetTotal > 0 ? Math.round(((forecast - budgetTotal) / budgetTotal) * 100) : null;
  return (
    <div className="section">
      {REPORT_ASPECTS.map((aspect) => (
        <section key={aspect} className="status-aspect panel" aria-labelledby={`aspect-${aspect}`}>
          <div className="page-header__title">
            <Heading level={2} data-size="sm" id={`aspect-${aspect}`}>
              {t(`progress.aspects.${aspect}`)}
            </Heading>
            <StatusColourTag colour={report[aspect].colour} />
          </div>
          {aspect === 'economy' && (
            <dl className="facts">
              {(
                [
                  ['budgetTotal', budgetTotal],
                  ['spentToDate', spentToDate],
                  ['forecast', forecast],
                ] as const
              ).map(([key, value]) => (
                <div key={key}>
                  <dt>{t(`progress.report.figures.${key}`)}</dt>
                  <dd>{kr(value)}</dd>
                </div>
              ))}
              {overBy !== null && overBy !== 0 && (
                <div className="facts__wide">
                  <dt>{t('progress.report.forecastVsBudget')}</dt>
                  <dd>{overBy > 0 ? t('progress.report.over', { percent: overBy }) : t('progress.report.under', { percent: -overBy })}</dd>
                </div>
              )}
            </dl>
          )}
          {report[aspect].comment ? (
            <Paragraph className="prewrap">{report[aspect].comment}</Paragraph>
          ) : (
            <Paragraph className="muted">{t('progress.report.noComment')}</Paragraph>
          )}
        </section>
      ))}
      <section className="section" aria-labelledby="report-next-steps">
        <Heading level={2} data-size="sm" id="report-next-steps">
          {t('progress.report.nextSteps')}
        </Heading>
        {report.nextSteps ? (
          <Paragraph className="prewrap">{report.nextSteps}</Paragraph>
        ) : (
          <Paragraph className="muted">{t('progress.report.noComment')}</Paragraph>
        )}
      </section>
    </div>
  );
}
