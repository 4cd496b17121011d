import { isReportPeriod, REPORT_ASPECTS, type ReportAspect, type StatusColour } from '@nvr/shared';
import type { TFunction } from 'i18next';
import type { FieldPath } from 'react-hook-form';
import type { StatusReport, UpdateStatusReportBody } from '../../../api/progress-types';
import { formatKroner, parseWholeNumber } from '../../../lib/money';
import type { FormSchema } from '../../../lib/use-api-form';

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
 * kroner from 0 to a trillion. A draft may lack colours; publishing needs them (see missingColours).
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

/** Publishing needs a colour for every aspect (else the server answers STATUS_REPORT_INCOMPLETE): the missing ones. */
export function missingColours(draft: Draft, t: TFunction): { name: `${ReportAspect}.colour`; message: string }[] {
  return REPORT_ASPECTS.filter((aspect) => draft[aspect].colour === null).map((aspect) => ({
    name: `${aspect}.colour` as const,
    message: t('progress.report.missingColour', { aspect: t(`progress.aspects.${aspect}`) }),
  }));
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
