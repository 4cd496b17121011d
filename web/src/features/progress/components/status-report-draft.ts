import {
  isReportPeriod,
  REPORT_ASPECTS,
  reportProblems,
  type IsoDate,
  type ReportAspect,
  type ReportProblem,
  type StatusColour,
} from '@nvr/shared';
import type { TFunction } from 'i18next';
import type { FieldPath } from 'react-hook-form';
import type { StatusReport, UpdateStatusReportBody } from '../../../api/progress-types';
import { formatDate } from '../../../lib/format';
import { formatKroner, parseWholeNumber } from '../../../lib/money';
import type { FormSchema } from '../../../lib/use-api-form';
import { formatPeriod } from './progress-text';

export interface Aspect {
  colour: StatusColour | null;
  comment: string;
}

/** The form's values: the report as the person edits it (the economy's figures as typed). */
export interface Draft {
  period: string;
  overall: Aspect;
  progress: Aspect;
  economy: Aspect & { budgetTotal: string; spentToDate: string; forecast: string };
  risk: Aspect;
  nextSteps: string;
}

export type DraftField = FieldPath<Draft>;

const money = (n: number | null) => (n === null ? '' : String(n));

export function toDraft(r: StatusReport): Draft {
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

export type FigureKey = 'budgetTotal' | 'spentToDate' | 'forecast';
export const FIGURES: FigureKey[] = ['budgetTotal', 'spentToDate', 'forecast'];

/** UpdateStatusReportDto's limits: comments at most 4000 characters, next steps 8000, figures whole kroner up to a trillion. */
export const COMMENT_MAX_LENGTH = 4000;
export const NEXT_STEPS_MAX_LENGTH = 8000;
const MAX_KRONER = 1_000_000_000_000;

/**
 * Every field in the order the list of problems names them: the period, the economy's figures, the
 * colours (needed only to publish), then fields only the server checks (comments, next steps).
 */
export const DRAFT_FIELDS: readonly DraftField[] = [
  'period',
  ...FIGURES.map((key) => `economy.${key}` as const),
  ...REPORT_ASPECTS.map((aspect) => `${aspect}.colour` as const),
  ...REPORT_ASPECTS.map((aspect) => `${aspect}.comment` as const),
  'nextSteps',
];

/** STATUS_REPORT_PERIOD_TAKEN (another report has that month) belongs to the period field. */
export const DRAFT_CODE_FIELDS = { STATUS_REPORT_PERIOD_TAKEN: 'period' } as const;

/**
 * Mirrors UpdateStatusReportDto: the period is a month written YYYY-MM; each figure is empty or whole
 * kroner from 0 to a trillion. A draft may lack colours and comments; publishing needs them (see publishProblems).
 */
export function statusReportSchema(t: TFunction, language: string): FormSchema<Draft> {
  const figure = (key: FigureKey) => ({
    validate: (text: string) => {
      const value = parseWholeNumber(text);
      const field = t(`progress.report.figures.${key}`);
      if (value === null) return true;
      if (Number.isNaN(value) || value < 0) return t('progress.report.invalidFigure', { field });
      return value <= MAX_KRONER || t('progress.report.figureTooLarge', { field, max: formatKroner(MAX_KRONER, language) });
    },
  });
  return {
    period: { validate: (value) => isReportPeriod(value) || t('progress.reports.periodInvalid') },
    'economy.budgetTotal': figure('budgetTotal'),
    'economy.spentToDate': figure('spentToDate'),
    'economy.forecast': figure('forecast'),
  };
}

/**
 * What publishing needs that the draft lacks, by the same rules the server applies (reportProblems):
 * the month must be over (`today` in Oslo), every aspect needs a colour, and a yellow or red aspect a
 * comment saying why. Each problem at its field, with its message. The figures are checked by the schema.
 */
export function publishProblems(draft: Draft, today: IsoDate, t: TFunction, language: string): { name: DraftField; message: string }[] {
  const figure = (key: FigureKey) => {
    const value = parseWholeNumber(draft.economy[key]);
    return value === null || Number.isNaN(value) ? null : value;
  };
  const problems = reportProblems(
    {
      period: draft.period,
      colours: { overall: draft.overall.colour, progress: draft.progress.colour, economy: draft.economy.colour, risk: draft.risk.colour },
      comments: {
        overall: draft.overall.comment,
        progress: draft.progress.comment,
        economy: draft.economy.comment,
        risk: draft.risk.comment,
      },
      budgetTotal: figure('budgetTotal'),
      spentToDate: figure('spentToDate'),
      forecast: figure('forecast'),
    },
    today,
  );
  const aspect = (a: ReportAspect) => t(`progress.aspects.${a}`);
  const atField = (p: ReportProblem): { name: DraftField; message: string } => {
    switch (p.kind) {
      case 'periodNotOver':
        return {
          name: 'period',
          message: t('progress.report.periodNotOver', {
            period: formatPeriod(p.period, language),
            date: formatDate(p.publishableFrom, language),
          }),
        };
      case 'colourMissing':
        return { name: `${p.aspect}.colour`, message: t('progress.report.missingColour', { aspect: aspect(p.aspect) }) };
      case 'commentMissing':
        return {
          name: `${p.aspect}.comment`,
          message: t('progress.report.missingComment', {
            aspect: aspect(p.aspect),
            colour: t(`progress.colours.${p.colour}`).toLocaleLowerCase(language),
          }),
        };
      case 'figureInvalid':
        return {
          name: `economy.${p.figure}`,
          message: t('progress.report.invalidFigure', { field: t(`progress.report.figures.${p.figure}`) }),
        };
    }
  };
  return problems.map(atField);
}

/** The draft as the API takes it (UpdateStatusReportDto), with the version it was read at. */
export function toUpdateBody(draft: Draft, version: number): UpdateStatusReportBody {
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
    version,
  };
}
