import {
  defaultReportPeriod,
  isReportPeriod,
  nextPeriod,
  periodEnd,
  periodOf,
  previousPeriod,
  reportProblems,
  worstColour,
} from './status-report';

describe('report periods', () => {
  it('are calendar months written YYYY-MM', () => {
    expect(isReportPeriod('2026-11')).toBe(true);
    expect(isReportPeriod('2026-13')).toBe(false);
    expect(isReportPeriod('2026-1')).toBe(false);
    expect(isReportPeriod('2026-11-01')).toBe(false);
    expect(periodOf('2026-11-23')).toBe('2026-11');
  });
  it('step across year ends and know their last day', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2027-01')).toBe('2026-12');
    expect(periodEnd('2028-02')).toBe('2028-02-29');
    expect(periodEnd('2026-11')).toBe('2026-11-30');
  });
  it('default to the month after the latest report, or last month, never a month not yet begun', () => {
    expect(defaultReportPeriod(null, '2026-11-23')).toBe('2026-10');
    expect(defaultReportPeriod('2026-09', '2026-11-23')).toBe('2026-10');
    expect(defaultReportPeriod('2026-10', '2026-11-23')).toBe('2026-11');
    expect(defaultReportPeriod('2026-11', '2026-11-23')).toBeNull();
    expect(defaultReportPeriod(null, '2026-11-23', '2026-11-02')).toBe('2026-11');
    expect(defaultReportPeriod(null, '2026-11-23', '2026-10-31')).toBe('2026-10');
  });
});

describe('report rules', () => {
  const colours = { overall: 'green', progress: 'yellow', economy: 'green', risk: 'red' } as const;
  it('asks for a colour on every aspect before publishing', () => {
    expect(reportProblems({ colours, budgetTotal: 100, spentToDate: 50, forecast: 100 })).toEqual([]);
    expect(
      reportProblems({ colours: { ...colours, risk: null, economy: null }, budgetTotal: null, spentToDate: null, forecast: null }),
    ).toEqual(['economy has no colour', 'risk has no colour']);
    expect(reportProblems({ colours, budgetTotal: -1, spentToDate: 1.5, forecast: null })).toHaveLength(2);
  });
  it('picks the most severe colour', () => {
    expect(worstColour(['green', 'yellow', null])).toBe('yellow');
    expect(worstColour(['green', 'red', 'yellow'])).toBe('red');
    expect(worstColour([null, undefined])).toBeNull();
  });
});
