import { useId, useState } from 'react';
import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { PHASE_KEYS } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Timeline, TimelinePhase } from '../../../api/progress-types';

/** The projects shown: the pages loaded so far, joined. */
type TimelineView = Pick<Timeline, 'asOf' | 'projects'>;
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { TableScroll } from '../../../components/table-scroll';

const DAY = 86_400_000;
const LABEL_WIDTH = 260;
const CHART_WIDTH = 720;
const ROW_HEIGHT = 44;
const AXIS_HEIGHT = 28;

const toMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The span of a phase on the chart: planned, and actual (to today while it runs). */
function spans(phase: TimelinePhase, asOf: string) {
  const planned = phase.plannedStart && phase.plannedEnd ? { from: phase.plannedStart, to: phase.plannedEnd } : null;
  const actual = phase.actualStart ? { from: phase.actualStart, to: phase.actualEnd ?? asOf } : null;
  return { planned, actual };
}

/** The dates a project's phases span (planned and actual). */
const datesOf = (projects: TimelineView['projects']) =>
  projects.flatMap((p) =>
    p.phases.flatMap((ph) => [ph.plannedStart, ph.plannedEnd, ph.actualStart, ph.actualEnd].filter((d): d is string => !!d)),
  );

/**
 * Every project's phases on one time axis: planned periods as outlines, actual ones filled (a pattern
 * and the legend tell the phases apart, not colour alone), with today's date marked. The chart has a
 * summary (aria-describedby) and the same dates as a table. It opens on the active projects, so their
 * phases fill the axis rather than being slivers beside a completed project's years; a button shows the
 * whole history (every project followed) and back. With no active project with dates it shows them all.
 */
export function PortfolioTimeline({ timeline }: { timeline: TimelineView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogue = useCatalogue();
  const titleId = useId();
  const summaryId = useId();
  const patternId = useId().replace(/:/g, '');
  const [wholeHistory, setWholeHistory] = useState(false);
  const { asOf } = timeline;

  const active = timeline.projects.filter((p) => p.status === 'active');
  const canNarrow = active.length < timeline.projects.length && datesOf(active).length > 0;
  const projects = canNarrow && !wholeHistory ? active : timeline.projects;
  const hidden = timeline.projects.length - projects.length;
  const dates = datesOf(projects);
  if (projects.length === 0 || dates.length === 0) {
    return <Paragraph>{t('progress.timeline.empty')}</Paragraph>;
  }
  const first = Math.min(...dates.map(toMs), toMs(asOf));
  const last = Math.max(...dates.map(toMs), toMs(asOf));
  const startYear = new Date(first).getUTCFullYear();
  const endYear = new Date(last).getUTCFullYear() + 1;
  const min = Date.UTC(startYear, 0, 1);
  const max = Date.UTC(endYear, 0, 1);
  const x = (date: string) => LABEL_WIDTH + ((toMs(date) - min) / (max - min)) * CHART_WIDTH;
  const width = (from: string, to: string) => Math.max(((toMs(to) - toMs(from) + DAY) / (max - min)) * CHART_WIDTH, 2);
  const height = AXIS_HEIGHT + projects.length * ROW_HEIGHT + 8;
  const years = Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
  const yearStep = years.length > 12 ? Math.ceil(years.length / 10) : 1;
  const todayX = x(asOf);

  return (
    <div className="timeline">
      {canNarrow && (
        <div className="timeline__range">
          <Paragraph data-size="sm" aria-live="polite">
            {wholeHistory ? t('progress.timeline.showingAll') : t('progress.timeline.showingActive', { count: hidden })}
          </Paragraph>
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setWholeHistory((all) => !all)}>
            {wholeHistory ? t('progress.timeline.showActive') : t('progress.timeline.showAll')}
          </Button>
        </div>
      )}
      <ul className="timeline__legend" aria-label={t('progress.timeline.legend')}>
        {PHASE_KEYS.map((key) => (
          <li key={key}>
            <svg width="28" height="14" aria-hidden="true" focusable="false">
              <rect
                x="1"
                y="1"
                width="26"
                height="12"
                className={`timeline__bar timeline__bar--${key}`}
                fill={key === 'forprosjekt' ? `url(#${patternId}-hatch)` : undefined}
              />
            </svg>
            {t('progress.timeline.actual', { phase: catalogue.phaseTitle(key) })}
          </li>
        ))}
        <li>
          <svg width="28" height="14" aria-hidden="true" focusable="false">
            <rect x="1" y="3" width="26" height="8" className="timeline__planned" />
          </svg>
          {t('progress.timeline.planned')}
        </li>
        <li>
          <svg width="28" height="14" aria-hidden="true" focusable="false">
            <line x1="14" x2="14" y1="0" y2="14" className="timeline__today" />
          </svg>
          {t('progress.timeline.today', { date: format.date(asOf) })}
        </li>
      </ul>
      <TableScroll className="timeline__scroll" label={t('progress.timeline.title')}>
        <svg
          className="timeline__chart"
          viewBox={`0 0 ${LABEL_WIDTH + CHART_WIDTH + 12} ${height}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={summaryId}
          focusable="false"
        >
          <title id={titleId}>{t('progress.timeline.title')}</title>
          <defs>
            <pattern id={`${patternId}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <line x1="0" y1="0" x2="0" y2="6" className="timeline__hatch" />
            </pattern>
          </defs>
          {years.map((year, i) =>
            i % yearStep === 0 || year === endYear ? (
              <g key={year}>
                <line x1={x(`${year}-01-01`)} x2={x(`${year}-01-01`)} y1={AXIS_HEIGHT - 6} y2={height} className="timeline__grid" />
                {year < endYear && (endYear - year >= yearStep || yearStep === 1) && (
                  <text x={x(`${year}-01-01`) + 3} y={AXIS_HEIGHT - 10} className="timeline__year">
                    {year}
                  </text>
                )}
              </g>
            ) : null,
          )}
          {projects.map((project, row) => {
            const top = AXIS_HEIGHT + row * ROW_HEIGHT;
            return (
              <g key={project.id}>
                <text x={4} y={top + ROW_HEIGHT / 2 + 5} className="timeline__label">
                  {project.name.length > 34 ? `${project.name.slice(0, 33)}…` : project.name}
                </text>
                <line x1={0} x2={LABEL_WIDTH + CHART_WIDTH} y1={top + ROW_HEIGHT} y2={top + ROW_HEIGHT} className="timeline__row-line" />
                {project.phases.map((phase) => {
                  const { planned, actual } = spans(phase, asOf);
                  return (
                    <g key={phase.key}>
                      {planned && (
                        <rect
                          x={x(planned.from)}
                          y={top + 6}
                          width={width(planned.from, planned.to)}
                          height={8}
                          className="timeline__planned"
                        />
                      )}
                      {actual && (
                        <rect
                          x={x(actual.from)}
                          y={top + 16}
                          width={width(actual.from, actual.to)}
                          height={20}
                          className={`timeline__bar timeline__bar--${phase.key}`}
                          fill={phase.key === 'forprosjekt' ? `url(#${patternId}-hatch)` : undefined}
                        />
                      )}
                    </g>
                  );
                })}
              </g>
            );
          })}
          <line x1={todayX} x2={todayX} y1={AXIS_HEIGHT - 6} y2={height} className="timeline__today" />
        </svg>
      </TableScroll>
      <Paragraph id={summaryId} data-size="sm" className="muted">
        {t('progress.timeline.summary', {
          count: projects.length,
          from: String(startYear),
          to: String(endYear - 1),
          today: format.date(asOf),
        })}
      </Paragraph>
      <Details>
        <Details.Summary>{t('progress.timeline.asTable')}</Details.Summary>
        <Details.Content>
          <TimelineTable timeline={{ asOf, projects }} />
        </Details.Content>
      </Details>
    </div>
  );
}

function TimelineTable({ timeline }: { timeline: TimelineView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogue = useCatalogue();
  const period = (from: string | null, to: string | null, running: boolean) =>
    from || to
      ? t('progress.timeline.period', {
          from: from ? format.date(from) : '…',
          to: to ? format.date(to) : running ? t('progress.timeline.now') : '…',
        })
      : t('progress.timeline.none');
  return (
    <TableScroll>
      <Table border zebra data-size="sm">
        <caption>{t('progress.timeline.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('progress.portfolio.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('progress.portfolio.columns.phase')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('progress.timeline.plannedColumn')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('progress.timeline.actualColumn')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('progress.timeline.stateColumn')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {timeline.projects.flatMap((project) =>
            project.phases.map((phase, i) => (
              <Table.Row key={`${project.id}-${phase.key}`}>
                {i === 0 && (
                  <Table.HeaderCell scope="rowgroup" rowSpan={project.phases.length}>
                    {project.name}
                    <span className="cell-note">{project.regionName}</span>
                  </Table.HeaderCell>
                )}
                <Table.Cell>{catalogue.phaseTitle(phase.key)}</Table.Cell>
                <Table.Cell>{period(phase.plannedStart, phase.plannedEnd, false)}</Table.Cell>
                <Table.Cell>
                  {period(phase.actualStart, phase.actualEnd, phase.state === 'in_progress' || phase.state === 'awaiting_decision')}
                </Table.Cell>
                <Table.Cell>{t(`progress.timeline.states.${phase.state}`)}</Table.Cell>
              </Table.Row>
            )),
          )}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
