import {
  aspectsLackingComment,
  defaultReportPeriod,
  describeReportProblem,
  firstPublishableDay,
  isPeriodOver,
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
  const comments = { overall: '', progress: 'Intervjuene tar tid.', economy: '', risk: 'Finansieringen er uavklart.' };
  const complete = { period: '2026-11', colours, comments, budgetTotal: 100, spentToDate: 50, forecast: 100 };
  const today = '2026-12-03';
  it('asks for a colour on every aspect before publishing', () => {
    expect(reportProblems(complete, today)).toEqual([]);
    const problems = reportProblems(
      { ...complete, colours: { ...colours, risk: null, economy: null }, budgetTotal: null, spentToDate: null, forecast: null },
      today,
    );
    expect(problems).toEqual([
      { kind: 'colourMissing', aspect: 'economy' },
      { kind: 'colourMissing', aspect: 'risk' },
    ]);
    expect(problems.map(describeReportProblem)).toEqual(['economy has no colour', 'risk has no colour']);
    expect(reportProblems({ ...complete, budgetTotal: -1, spentToDate: 1.5 }, today)).toEqual([
      { kind: 'figureInvalid', figure: 'budgetTotal' },
      { kind: 'figureInvalid', figure: 'spentToDate' },
    ]);
  });
  it('asks why for every yellow or red aspect; green needs no comment, blanks do not count', () => {
    expect(aspectsLackingComment({ colours, comments: { overall: '', progress: '', economy: '', risk: ' \n ' } })).toEqual([
      'progress',
      'risk',
    ]);
    expect(aspectsLackingComment({ colours: { ...colours, overall: 'red' }, comments })).toEqual(['overall']);
    expect(aspectsLackingComment({ colours: { overall: null, progress: null, economy: null, risk: null }, comments })).toEqual([]);
    const problems = reportProblems({ ...complete, comments: { ...comments, risk: '' } }, today);
    expect(problems).toEqual([{ kind: 'commentMissing', aspect: 'risk', colour: 'red' }]);
    expect(describeReportProblem(problems[0])).toBe('risk is red but has no comment saying why');
  });
  it('publishes a month only once it is over: from the 1st of the next month', () => {
    expect(firstPublishableDay('2026-12')).toBe('2027-01-01');
    expect(isPeriodOver('2026-12', '2026-12-02')).toBe(false);
    expect(isPeriodOver('2026-12', '2026-12-31')).toBe(false);
    expect(isPeriodOver('2026-12', '2027-01-01')).toBe(true);
    expect(isPeriodOver('2026-11', '2026-12-01')).toBe(true);
    expect(isPeriodOver('2027-01', '2026-12-02')).toBe(false);
    const december = reportProblems({ ...complete, period: '2026-12' }, '2026-12-02');
    expect(december).toEqual([{ kind: 'periodNotOver', period: '2026-12', publishableFrom: '2027-01-01' }]);
    expect(describeReportProblem(december[0])).toBe('2026-12 is not over; its report can be published from 2027-01-01');
    expect(reportProblems({ ...complete, period: '2026-12' }, '2027-01-01')).toEqual([]);
  });
  it('picks the most severe colour', () => {
    expect(worstColour(['green', 'yellow', null])).toBe('yellow');
    expect(worstColour(['green', 'red', 'yellow'])).toBe('red');
    expect(worstColour([null, undefined])).toBeNull();
  });
});
