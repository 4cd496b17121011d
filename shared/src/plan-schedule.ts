/**
 * When a plan's work happens: each sub-goal's start and end quarter ("2027-Q3", as the seeds' "Fra 3. kv. 09"),
 * and the period the plan states, which sets the phase's planned dates once the regionråd approves the plan.
 */
import { isIsoDate, type IsoDate } from './dates';
import type { PlanContent, SubGoal, TemplateSection } from './plan';
import type { Lang } from './plp';
import { documentWord } from './words';

/** A calendar quarter as 'YYYY-Qn', e.g. '2027-Q3'; such strings sort in time order. */
export type Quarter = string;

/** The years a quarter may name (as a budget's years). */
export const QUARTER_YEARS = { min: 2000, max: 2100 } as const;

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** A quarter's year and number, or null when the value is not a quarter 'YYYY-Qn' with n 1–4 and a year 2000–2100. */
export function parseQuarter(value: unknown): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  if (typeof value !== 'string') return null;
  const m = QUARTER.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < QUARTER_YEARS.min || year > QUARTER_YEARS.max) return null;
  return { year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
}

export function formatQuarter(year: number, quarter: number): Quarter {
  return `${year}-Q${quarter}`;
}

/** The first day of a quarter ('2027-Q3' → '2027-07-01'). */
export function quarterFirstDay(q: Quarter): IsoDate {
  const p = parseQuarter(q);
  if (!p) throw new Error(`${q} is not a quarter`);
  return `${p.year}-${String((p.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The last day of a quarter ('2027-Q3' → '2027-09-30'). */
export function quarterLastDay(q: Quarter): IsoDate {
  const p = parseQuarter(q);
  if (!p) throw new Error(`${q} is not a quarter`);
  const month = p.quarter * 3;
  const day = new Date(Date.UTC(p.year, month, 0)).getUTCDate();
  return `${p.year}-${String(month).padStart(2, '0')}-${day}`;
}

const QUARTER_HINT = 'a quarter like 2027-Q3 (quarter 1–4, year 2000–2100)';

/**
 * Why a sub-goal's start and end do not fit, or null: each is left out (or null) or a quarter, and the
 * end is not before the start. `n` is the sub-goal's number (from 1) for the message.
 */
export function subGoalScheduleProblem(goal: Record<string, unknown>, n: number): string | null {
  for (const key of ['start', 'end'] as const) {
    const v = goal[key];
    if (v !== undefined && v !== null && !parseQuarter(v))
      return `must give each sub-goal's ${key} as ${QUARTER_HINT}; sub-goal ${n} has ${JSON.stringify(v)}`;
  }
  const { start, end } = goal;
  if (typeof start === 'string' && typeof end === 'string' && end < start)
    return `must not end a sub-goal before it starts; sub-goal ${n} starts ${start} and ends ${end}`;
  return null;
}

/** "Fra 3. kv. 2027", "Fra 3. kv. 2027 til 2. kv. 2029", "Til 2. kv. 2029" (nn "Frå …", en "From Q3 2027 …"); null without either. */
export function subGoalScheduleText(goal: Pick<SubGoal, 'start' | 'end'>, lang: Lang): string | null {
  const start = parseQuarter(goal.start);
  const end = parseQuarter(goal.end);
  if (start && end) return documentWord('subGoalFromTo', lang, { q: start.quarter, year: start.year, q2: end.quarter, year2: end.year });
  if (start) return documentWord('subGoalFrom', lang, { q: start.quarter, year: start.year });
  if (end) return documentWord('subGoalUntil', lang, { q: end.quarter, year: end.year });
  return null;
}

/** A phase's period by its plan: from `start` to `end`, read from the plan's period text or its sub-goals' quarters. */
export interface PlanPeriod {
  start: IsoDate;
  end: IsoDate;
  source: 'period' | 'subgoals';
}

// A date as the templates' examples write it (01.03.2027, 1.3.2027) or as ISO (2027-03-01).
const DATE_TOKEN = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)|(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

/**
 * The period a text states, when it names exactly two dates, both real, within 2000–2100 and in order:
 * "01.03.2027–30.11.2027 (9 måneder)", "2027-03-01 til 2027-11-30". Anything else (one date, three, a
 * placeholder like "dd.mm.2009 – dd.mm.2012", months or seasons) is null: no guess.
 */
export function parsePeriodText(text: string): { start: IsoDate; end: IsoDate } | null {
  const dates: IsoDate[] = [];
  for (const m of text.matchAll(DATE_TOKEN)) {
    const iso = m[1] ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : `${m[4]}-${m[5]}-${m[6]}`;
    if (!isIsoDate(iso)) return null;
    const year = Number(iso.slice(0, 4));
    if (year < QUARTER_YEARS.min || year > QUARTER_YEARS.max) return null;
    dates.push(iso);
  }
  if (dates.length !== 2 || dates[1] < dates[0]) return null;
  return { start: dates[0], end: dates[1] };
}

/**
 * The period a plan sets for its phase: the dates its period field states (the field keyed `period`,
 * in the templates' "Rammer"), else the span of its sub-goals' quarters (the first start quarter's first
 * day to the last end quarter's last day), else null.
 */
export function planPeriod(sections: readonly TemplateSection[], content: PlanContent): PlanPeriod | null {
  for (const s of sections) {
    for (const f of s.fields) {
      const value = content[s.key]?.[f.key];
      if (f.key === 'period' && (f.kind === 'text' || f.kind === 'longtext') && typeof value === 'string') {
        const period = parsePeriodText(value);
        if (period) return { ...period, source: 'period' };
      }
    }
  }
  const goals = sections.flatMap((s) =>
    s.fields
      .filter((f) => f.kind === 'subgoals')
      .flatMap((f) => (Array.isArray(content[s.key]?.[f.key]) ? (content[s.key]?.[f.key] as SubGoal[]) : [])),
  );
  const starts = goals.flatMap((g) => (g && parseQuarter(g.start) ? [g.start as Quarter] : [])).sort();
  const ends = goals.flatMap((g) => (g && parseQuarter(g.end) ? [g.end as Quarter] : [])).sort();
  if (!starts.length || !ends.length || ends[ends.length - 1] < starts[0]) return null;
  return { start: quarterFirstDay(starts[0]), end: quarterLastDay(ends[ends.length - 1]), source: 'subgoals' };
}
