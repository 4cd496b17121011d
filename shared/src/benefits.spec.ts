import type { RoleAssignment } from './access';
import {
  benefitReminder,
  benefitTrend,
  indicatorTrend,
  isPlanBenefitArea,
  planBenefitAreas,
  mayEditBenefits,
  mayRecordMeasurement,
  oneYearBefore,
  shareOfTime,
  shareOfWay,
  type IndicatorTarget,
} from './benefits';

// Share of business land plots sold: 20 % in 2012, 60 % by 2016 (four years).
const rising: IndicatorTarget = { startValue: 20, startDate: '2012-01-01', targetValue: 60, targetDate: '2016-01-01' };
// Days of case handling for building permits: from 42 down to 21 over the same years.
const falling: IndicatorTarget = { startValue: 42, startDate: '2012-01-01', targetValue: 21, targetDate: '2016-01-01' };

describe('benefits: share of the way from start to target', () => {
  it('is 0 at the start, 1 at the target, and follows the target’s direction', () => {
    expect(shareOfWay(rising, 20)).toBe(0);
    expect(shareOfWay(rising, 40)).toBe(0.5);
    expect(shareOfWay(rising, 60)).toBe(1);
    expect(shareOfWay(falling, 42)).toBe(0);
    expect(shareOfWay(falling, 35)).toBeCloseTo(1 / 3);
    expect(shareOfWay(falling, 21)).toBe(1);
  });

  it('goes below 0 the wrong way and above 1 beyond the target', () => {
    expect(shareOfWay(rising, 10)).toBe(-0.25);
    expect(shareOfWay(rising, 80)).toBe(1.5);
    expect(shareOfWay(falling, 50)).toBeCloseTo(-8 / 21);
    expect(shareOfWay(falling, 14)).toBeCloseTo(4 / 3);
  });

  it('a target equal to its start is reached at the value only', () => {
    const flat = { startValue: 5, targetValue: 5 };
    expect(shareOfWay(flat, 5)).toBe(1);
    expect(shareOfWay(flat, 4)).toBe(0);
  });
});

describe('benefits: share of the time', () => {
  it('runs from 0 at the start date to 1 at the target date, and stays within', () => {
    expect(shareOfTime(rising, '2012-01-01')).toBe(0);
    expect(shareOfTime(rising, '2014-01-01')).toBeCloseTo(0.5, 2);
    expect(shareOfTime(rising, '2016-01-01')).toBe(1);
    expect(shareOfTime(rising, '2011-06-01')).toBe(0);
    expect(shareOfTime(rising, '2020-06-01')).toBe(1);
  });
});

describe('benefits: the trend of an indicator', () => {
  it('has no measurement yet: no trend, no share', () => {
    expect(indicatorTrend(rising, [])).toEqual({ trend: 'no_measurement', latest: null, share: null, expected: null });
    expect(indicatorTrend(falling, [])).toEqual({ trend: 'no_measurement', latest: null, share: null, expected: null });
  });

  it('reads the latest measurement by date, whatever the order of the list', () => {
    const result = indicatorTrend(rising, [
      { date: '2014-01-01', value: 45 },
      { date: '2013-01-01', value: 25 },
    ]);
    expect(result.latest).toEqual({ date: '2014-01-01', value: 45 });
    expect(result.share).toBeCloseTo(0.625);
    expect(result.trend).toBe('on_track');
  });

  it('is on track when at least as far along the way as the time, behind when not', () => {
    // Halfway in time: 40 % is halfway along the way (on track), 30 % a quarter (behind).
    expect(indicatorTrend(rising, [{ date: '2014-01-01', value: 41 }]).trend).toBe('on_track');
    expect(indicatorTrend(rising, [{ date: '2014-01-01', value: 30 }]).trend).toBe('behind');
  });

  it('handles decreasing targets: fewer days is progress', () => {
    expect(indicatorTrend(falling, [{ date: '2014-01-01', value: 30 }]).trend).toBe('on_track');
    expect(indicatorTrend(falling, [{ date: '2014-01-01', value: 40 }]).trend).toBe('behind');
    expect(indicatorTrend(falling, [{ date: '2015-01-01', value: 21 }]).trend).toBe('reached');
    expect(indicatorTrend(falling, [{ date: '2015-01-01', value: 18 }]).trend).toBe('reached');
    // Worse than the start: behind, with a negative share.
    const worse = indicatorTrend(falling, [{ date: '2013-01-01', value: 45 }]);
    expect(worse.trend).toBe('behind');
    expect(worse.share).toBeLessThan(0);
  });

  it('is reached at or beyond the target, before or after the target date', () => {
    expect(indicatorTrend(rising, [{ date: '2013-01-01', value: 60 }]).trend).toBe('reached');
    expect(indicatorTrend(rising, [{ date: '2019-01-01', value: 75 }]).trend).toBe('reached');
  });

  it('is behind once the target date has passed without reaching it', () => {
    const late = indicatorTrend(rising, [{ date: '2017-03-01', value: 59 }]);
    expect(late.trend).toBe('behind');
    expect(late.expected).toBe(1);
  });

  it('a measurement on the start date at the start value is on track', () => {
    expect(indicatorTrend(rising, [{ date: '2012-01-01', value: 20 }]).trend).toBe('on_track');
  });
});

describe('benefits: the trend of a benefit', () => {
  it('is behind if any open indicator is, then on track, then reached, else no measurement', () => {
    expect(
      benefitTrend([
        { trend: 'reached', closed: false },
        { trend: 'behind', closed: false },
      ]),
    ).toBe('behind');
    expect(
      benefitTrend([
        { trend: 'reached', closed: false },
        { trend: 'on_track', closed: false },
      ]),
    ).toBe('on_track');
    expect(
      benefitTrend([
        { trend: 'reached', closed: false },
        { trend: 'no_measurement', closed: false },
      ]),
    ).toBe('reached');
    expect(benefitTrend([{ trend: 'no_measurement', closed: false }])).toBe('no_measurement');
    expect(benefitTrend([])).toBe('no_measurement');
  });

  it('leaves closed indicators out unless all are closed', () => {
    expect(
      benefitTrend([
        { trend: 'behind', closed: true },
        { trend: 'on_track', closed: false },
      ]),
    ).toBe('on_track');
    expect(benefitTrend([{ trend: 'behind', closed: true }])).toBe('behind');
  });
});

describe('benefits: who may change the register and record measurements', () => {
  const project = { id: 'p1', regionId: 'r1', status: 'active' };
  const ended = { ...project, status: 'completed' };
  const leader: RoleAssignment[] = [{ role: 'project_leader', regionId: 'r1', projectId: 'p1' }];
  const raad: RoleAssignment[] = [{ role: 'regionraad', regionId: 'r1', projectId: null }];
  const adviser: RoleAssignment[] = [{ role: 'adviser', regionId: 'r1', projectId: null }];
  const contact: RoleAssignment[] = [{ role: 'kommune_contact', regionId: 'r1', projectId: null }];
  const admin: RoleAssignment[] = [{ role: 'admin', regionId: null, projectId: null }];
  const otherRaad: RoleAssignment[] = [{ role: 'regionraad', regionId: 'r2', projectId: null }];

  it('the project’s editors while it is active; the regionråd and admins always', () => {
    expect(mayEditBenefits(leader, project)).toBe(true);
    expect(mayEditBenefits(leader, ended)).toBe(false);
    expect(mayEditBenefits(raad, project)).toBe(true);
    expect(mayEditBenefits(raad, ended)).toBe(true);
    expect(mayEditBenefits(admin, ended)).toBe(true);
    expect(mayEditBenefits(adviser, project)).toBe(false);
    expect(mayEditBenefits(contact, project)).toBe(false);
    expect(mayEditBenefits(otherRaad, project)).toBe(false);
  });

  it('the benefit’s owner records measurements, also after the project has ended; an adviser never', () => {
    expect(mayRecordMeasurement(contact, ended, { ownerUserId: 'u-contact' }, 'u-contact')).toBe(true);
    expect(mayRecordMeasurement(contact, ended, { ownerUserId: 'someone-else' }, 'u-contact')).toBe(false);
    expect(mayRecordMeasurement(raad, ended, { ownerUserId: null }, 'u-raad')).toBe(true);
    expect(mayRecordMeasurement(leader, ended, { ownerUserId: null }, 'u-leader')).toBe(false);
    expect(mayRecordMeasurement(adviser, project, { ownerUserId: null }, 'u-adviser')).toBe(false);
    // An owner who may no longer read the project (moved region) records nothing.
    expect(mayRecordMeasurement(otherRaad, ended, { ownerUserId: 'u-x' }, 'u-x')).toBe(false);
  });
});

describe('benefits: the yearly reminder', () => {
  it('one year before is the same day, 29 February giving 28 February', () => {
    expect(oneYearBefore('2026-03-15')).toBe('2025-03-15');
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
  });

  it('is due when an open indicator has gone a year without a measurement, once per calendar year', () => {
    const today = '2026-04-10';
    expect(benefitReminder([{ closed: false, startDate: '2024-01-01', lastMeasuredOn: '2025-04-10' }], today)).toEqual({
      kind: 'benefit_measurement_due',
      period: '2026',
    });
    expect(benefitReminder([{ closed: false, startDate: '2024-01-01', lastMeasuredOn: '2025-04-11' }], today)).toBeNull();
  });

  it('counts from the start date when nothing is measured yet', () => {
    expect(benefitReminder([{ closed: false, startDate: '2025-01-01', lastMeasuredOn: null }], '2026-01-01')?.period).toBe('2026');
    expect(benefitReminder([{ closed: false, startDate: '2025-06-01', lastMeasuredOn: null }], '2026-01-01')).toBeNull();
  });

  it('never for closed indicators or a benefit without indicators', () => {
    expect(benefitReminder([{ closed: true, startDate: '2010-01-01', lastMeasuredOn: null }], '2026-01-01')).toBeNull();
    expect(benefitReminder([], '2026-01-01')).toBeNull();
  });
});

describe('benefits: the plans’ benefit areas', () => {
  const sections = [
    {
      key: 'goals',
      title: '2 Mål',
      guidance: '',
      fields: [
        { key: 'main_goal', label: 'Hovedmål', kind: 'text' as const, required: true },
        { key: 'benefit_areas', label: 'Gevinstområder', kind: 'list' as const, required: false },
      ],
    },
    {
      key: 'extra',
      title: 'Ekstra',
      guidance: '',
      fields: [{ key: 'other', label: 'Andre gevinster', kind: 'list' as const, required: false }],
    },
  ];

  it('lists each area once, in plan order, from every plan and every benefit-area field', () => {
    expect(
      planBenefitAreas([
        { sections, content: { goals: { main_goal: 'Mål', benefit_areas: ['Flere etableringer', ' ', 'Raskere mottak'] } } },
        { sections, content: { goals: { benefit_areas: ['flere etableringer '] }, extra: { other: ['Bedre omdømme'] } } },
        { sections, content: null },
      ]),
    ).toEqual(['Flere etableringer', 'Raskere mottak', 'Bedre omdømme']);
  });

  it('finds an area without regard to case and spaces', () => {
    expect(isPlanBenefitArea(['Flere etableringer'], ' flere ETABLERINGER')).toBe(true);
    expect(isPlanBenefitArea(['Flere etableringer'], 'Færre etableringer')).toBe(false);
  });
});
