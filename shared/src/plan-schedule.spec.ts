import { fieldValueProblem, type TemplateSection } from './plan';
import {
  parsePeriodText,
  parseQuarter,
  planPeriod,
  quarterFirstDay,
  quarterLastDay,
  subGoalScheduleProblem,
  subGoalScheduleText,
} from './plan-schedule';

describe('quarters', () => {
  it('reads YYYY-Qn with a quarter 1–4 and a year 2000–2100', () => {
    expect(parseQuarter('2027-Q3')).toEqual({ year: 2027, quarter: 3 });
    expect(parseQuarter('2000-Q1')).toEqual({ year: 2000, quarter: 1 });
    expect(parseQuarter('2100-Q4')).toEqual({ year: 2100, quarter: 4 });
    for (const bad of [
      '2027-Q0',
      '2027-Q5',
      '1999-Q4',
      '2101-Q1',
      '2027Q3',
      '2027-q3',
      ' 2027-Q3',
      '27-Q3',
      '',
      2027,
      null,
      undefined,
      {},
    ]) {
      expect(parseQuarter(bad)).toBeNull();
    }
  });

  it('knows the first and last day of a quarter, leap years too', () => {
    expect(quarterFirstDay('2027-Q1')).toBe('2027-01-01');
    expect(quarterFirstDay('2027-Q3')).toBe('2027-07-01');
    expect(quarterLastDay('2027-Q1')).toBe('2027-03-31');
    expect(quarterLastDay('2027-Q2')).toBe('2027-06-30');
    expect(quarterLastDay('2027-Q3')).toBe('2027-09-30');
    expect(quarterLastDay('2028-Q4')).toBe('2028-12-31');
    expect(() => quarterFirstDay('2027-Q9')).toThrow();
  });
});

describe('a sub-goal schedule', () => {
  it('may leave out start and end (plans written before quarters stay valid)', () => {
    expect(subGoalScheduleProblem({ title: 'x', activities: [] }, 1)).toBeNull();
    expect(subGoalScheduleProblem({ title: 'x', activities: [], start: null, end: null }, 1)).toBeNull();
    expect(subGoalScheduleProblem({ title: 'x', activities: [], start: '2027-Q3' }, 1)).toBeNull();
    expect(subGoalScheduleProblem({ title: 'x', activities: [], start: '2027-Q3', end: '2027-Q3' }, 1)).toBeNull();
  });

  it('refuses what is not a quarter, and an end before the start, naming the sub-goal', () => {
    expect(subGoalScheduleProblem({ start: '2027-Q5' }, 2)).toMatch(/start as a quarter like 2027-Q3.*sub-goal 2 has "2027-Q5"/);
    expect(subGoalScheduleProblem({ end: '3. kv. 2027' }, 1)).toMatch(/end as a quarter/);
    expect(subGoalScheduleProblem({ start: 20273 }, 1)).toMatch(/start as a quarter/);
    expect(subGoalScheduleProblem({ start: '2028-Q1', end: '2027-Q4' }, 3)).toMatch(/sub-goal 3 starts 2028-Q1 and ends 2027-Q4/);
  });

  it('is checked with the sub-goals field', () => {
    const goals = [
      { title: 'Felles næringsplan', activities: ['Kartlegge'] },
      { title: 'Vertskap', activities: [], start: '2027-Q3', end: '2029-Q2' },
    ];
    expect(fieldValueProblem('subgoals', goals)).toBeNull();
    expect(fieldValueProblem('subgoals', [...goals, { title: 'x', activities: [], start: '2027-Q7' }])).toMatch(/sub-goal 3/);
    expect(fieldValueProblem('subgoals', [{ title: 'x' }])).toMatch(/each with a title and a list of activities/);
  });

  it('reads "Fra 3. kv. 2027" in bokmål, "Frå" in nynorsk and "From Q3 2027" in English', () => {
    expect(subGoalScheduleText({ start: '2027-Q3' }, 'nb')).toBe('Fra 3. kv. 2027');
    expect(subGoalScheduleText({ start: '2027-Q3' }, 'nn')).toBe('Frå 3. kv. 2027');
    expect(subGoalScheduleText({ start: '2027-Q3' }, 'en')).toBe('From Q3 2027');
    expect(subGoalScheduleText({ start: '2027-Q3', end: '2029-Q2' }, 'nb')).toBe('Fra 3. kv. 2027 til 2. kv. 2029');
    expect(subGoalScheduleText({ start: '2027-Q3', end: '2029-Q2' }, 'en')).toBe('From Q3 2027 to Q2 2029');
    expect(subGoalScheduleText({ end: '2029-Q2' }, 'nn')).toBe('Til 2. kv. 2029');
    expect(subGoalScheduleText({ end: '2029-Q2' }, 'en')).toBe('Until Q2 2029');
    expect(subGoalScheduleText({}, 'nb')).toBeNull();
  });
});

describe('the period a plan states', () => {
  it('reads two dates in order, as the templates write them or as ISO', () => {
    expect(parsePeriodText('01.03.2027–30.11.2027 (9 måneder)')).toEqual({ start: '2027-03-01', end: '2027-11-30' });
    expect(parsePeriodText('1.3.2027 - 30.11.2027')).toEqual({ start: '2027-03-01', end: '2027-11-30' });
    expect(parsePeriodText('Fra 2027-01-01 til 2029-12-31')).toEqual({ start: '2027-01-01', end: '2029-12-31' });
  });

  it('guesses nothing: placeholders, one date, three dates, impossible dates or a reversed period are no period', () => {
    for (const text of [
      'dd.mm.2009 – dd.mm.2012, 3 år',
      'Vinter/vår 2027, 3 år',
      '01.03.2027',
      '01.03.2027–30.11.2027, forlenget til 31.12.2027',
      '31.02.2027–30.11.2027',
      '30.11.2027–01.03.2027',
      '01.03.1999–30.11.1999',
      '',
    ]) {
      expect(parsePeriodText(text)).toBeNull();
    }
  });

  const sections: TemplateSection[] = [
    {
      key: 'goals',
      title: 'Mål',
      guidance: '',
      fields: [{ key: 'sub_goals', label: 'Delmål', kind: 'subgoals', required: true }],
    },
    { key: 'frame', title: 'Rammer', guidance: '', fields: [{ key: 'period', label: 'Periode', kind: 'text', required: true }] },
  ];

  it('comes from the period field first', () => {
    const content = {
      frame: { period: '01.01.2028–31.12.2028 (12 måneder)' },
      goals: { sub_goals: [{ title: 'a', activities: [], start: '2027-Q3', end: '2029-Q4' }] },
    };
    expect(planPeriod(sections, content)).toEqual({ start: '2028-01-01', end: '2028-12-31', source: 'period' });
  });

  it('else spans the sub-goals from the first start quarter to the last end quarter', () => {
    const content = {
      frame: { period: 'Tre år fra vedtak' },
      goals: {
        sub_goals: [
          { title: 'a', activities: [], start: '2027-Q3' },
          { title: 'b', activities: [], start: '2027-Q1', end: '2028-Q2' },
          { title: 'c', activities: [], start: '2028-Q4', end: '2029-Q3' },
        ],
      },
    };
    expect(planPeriod(sections, content)).toEqual({ start: '2027-01-01', end: '2029-09-30', source: 'subgoals' });
  });

  it('is null without a usable period: no dates, no end quarter, old sub-goals without quarters', () => {
    expect(planPeriod(sections, {})).toBeNull();
    expect(planPeriod(sections, { frame: { period: 'dd.mm.2009 – dd.mm.2012' } })).toBeNull();
    expect(planPeriod(sections, { goals: { sub_goals: [{ title: 'a', activities: [], start: '2027-Q3' }] } })).toBeNull();
    expect(planPeriod(sections, { goals: { sub_goals: [{ title: 'a', activities: [] }] } })).toBeNull();
  });
});
