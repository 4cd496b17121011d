import type { StatusColour } from '@nvr/shared';
import type { StatusReport, UpdateStatusReportBody } from '../../../api/progress-types';
import { parseWholeNumber } from '../../../lib/money';

export interface Aspect {
  colour: StatusColour | null;
  comment: string;
}

export interface Draft {
  period: string;
  overall: Aspect;
  progress: Aspect;
  economy: Aspect & { budgetTotal: string; spentToDate: string; forecast: string };
  risk: Aspect;
  nextSteps: string;
}

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

export interface Problem {
  id: string;
  message: string;
  /** Only publishing needs it (a draft may lack colours). */
  publishOnly: boolean;
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
