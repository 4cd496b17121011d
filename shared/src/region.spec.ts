import { regionPopulation } from './region';

describe('regionPopulation', () => {
  const member = (count: number | null, asOf = '2008-01-01', from = '2006-01-01', to: string | null = null) => ({
    period: { from, to },
    population: count === null ? null : { count, asOf },
  });

  it('sums the seven Kongsbergregionen kommuner to 50 388 (seeds/002)', () => {
    const counts = [1619, 6066, 12232, 23997, 2521, 1419, 2534];
    expect(
      regionPopulation(
        counts.map((c) => member(c)),
        '2026-11-23',
      ),
    ).toEqual({ total: 50388, asOf: '2008-01-01' });
  });

  it('counts only members in force on the day, and reports the oldest date used', () => {
    const members = [
      member(100, '2024-01-01'),
      member(50, '2020-01-01'),
      member(999, '2024-01-01', '2006-01-01', '2019-12-31'),
      member(7, '2024-01-01', '2027-01-01'),
    ];
    expect(regionPopulation(members, '2026-11-23')).toEqual({ total: 150, asOf: '2020-01-01' });
  });

  it('treats members without a figure as zero and has no date without figures', () => {
    expect(regionPopulation([member(null)], '2026-11-23')).toEqual({ total: 0, asOf: null });
    expect(regionPopulation([], '2026-11-23')).toEqual({ total: 0, asOf: null });
  });
});
