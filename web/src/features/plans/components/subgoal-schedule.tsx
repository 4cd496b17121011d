import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { parseQuarter, type SubGoal } from '@nvr/shared';
import { useTranslation } from 'react-i18next';

/**
 * A sub-goal's schedule by quarter, as in the seed plans ("Delmål 2: Fra 3. kv. 09"): a start and an end
 * quarter, each a choice of quarters by year (so no half-typed quarter is ever saved), both optional.
 */
export function SubGoalScheduleInputs({
  id,
  n,
  goal,
  onChange,
}: {
  id: string;
  /** The sub-goal's number, from 1. */
  n: number;
  goal: SubGoal;
  onChange: (goal: SubGoal) => void;
}) {
  const { t } = useTranslation();
  const endBeforeStart = !!goal.start && !!goal.end && goal.end < goal.start;
  const set = (key: 'start' | 'end', value: string) => {
    const next = { ...goal };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  return (
    <div className="plan-row plan-subgoal__schedule">
      <QuarterSelect id={`${id}-start`} label={t('plans.subgoals.start', { n })} value={goal.start} onChange={(v) => set('start', v)} />
      <QuarterSelect
        id={`${id}-end`}
        label={t('plans.subgoals.end', { n })}
        value={goal.end}
        onChange={(v) => set('end', v)}
        error={endBeforeStart ? t('plans.subgoals.endBeforeStart') : undefined}
      />
    </div>
  );
}

/** The quarters from two years back to ten ahead (and the year of a value outside them), grouped by year. */
function quarterYears(value: string | undefined): number[] {
  const now = new Date().getFullYear();
  const chosen = parseQuarter(value)?.year;
  const from = Math.min(now - 2, chosen ?? now);
  const to = Math.max(now + 10, chosen ?? now);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function QuarterSelect({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label>{label}</Label>
      <Select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined}>
        <Select.Option value="">{t('plans.subgoals.noQuarter')}</Select.Option>
        {quarterYears(value).map((year) => (
          <Select.Optgroup key={year} label={String(year)}>
            {[1, 2, 3, 4].map((quarter) => (
              <Select.Option key={quarter} value={`${year}-Q${quarter}`}>
                {t('plans.subgoals.quarter', { quarter, year })}
              </Select.Option>
            ))}
          </Select.Optgroup>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}

/** "Fra 3. kv. 2027", "Fra 3. kv. 2027 til 2. kv. 2029", "Til 2. kv. 2029" (nn "Frå …", en "From Q3 2027 …"); null without either. */
export function useSubGoalScheduleText(): (goal: { start?: unknown; end?: unknown }) => string | null {
  const { t } = useTranslation();
  return (goal) => {
    const start = parseQuarter(goal.start);
    const end = parseQuarter(goal.end);
    if (start && end)
      return t('plans.subgoals.whenFromTo', { quarter: start.quarter, year: start.year, quarter2: end.quarter, year2: end.year });
    if (start) return t('plans.subgoals.whenFrom', { quarter: start.quarter, year: start.year });
    if (end) return t('plans.subgoals.whenUntil', { quarter: end.quarter, year: end.year });
    return null;
  };
}
