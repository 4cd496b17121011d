import { isIsoDate, isValidPeriod, numericDate, periodContains, periodsOverlap, todayInOslo } from './dates';

describe('isIsoDate', () => {
  it.each(['2024-01-01', '2024-02-29', '1999-12-31'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2023-02-29', '2024-13-01', '2024-1-1', '01.01.2024', '2024-01-01T00:00:00Z', ''])('rejects %s', (d) =>
    expect(isIsoDate(d)).toBe(false),
  );
});

describe('periods', () => {
  const p = (from: string, to: string | null) => ({ from, to });
  it('contains its first and last day', () => {
    expect(periodContains(p('2020-01-01', '2020-12-31'), '2020-01-01')).toBe(true);
    expect(periodContains(p('2020-01-01', '2020-12-31'), '2020-12-31')).toBe(true);
    expect(periodContains(p('2020-01-01', '2020-12-31'), '2021-01-01')).toBe(false);
    expect(periodContains(p('2020-01-01', null), '2099-01-01')).toBe(true);
  });
  it('overlaps when they share a day, and open ends overlap everything after', () => {
    expect(periodsOverlap(p('2020-01-01', '2020-12-31'), p('2020-12-31', null))).toBe(true);
    expect(periodsOverlap(p('2020-01-01', '2020-12-31'), p('2021-01-01', null))).toBe(false);
    expect(periodsOverlap(p('2020-01-01', null), p('2010-01-01', '2019-12-31'))).toBe(false);
    expect(periodsOverlap(p('2020-01-01', null), p('2030-01-01', null))).toBe(true);
  });
  it('is valid when it does not end before it begins', () => {
    expect(isValidPeriod(p('2020-01-01', '2020-01-01'))).toBe(true);
    expect(isValidPeriod(p('2020-01-02', '2020-01-01'))).toBe(false);
  });
});

describe('todayInOslo', () => {
  it('uses Norwegian time, not UTC', () => {
    expect(todayInOslo(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(todayInOslo(new Date('2024-06-30T21:59:00Z'))).toBe('2024-06-30');
  });
});

describe('numericDate', () => {
  it('writes a date the Norwegian way', () => {
    expect(numericDate('2026-03-04')).toBe('04.03.2026');
  });
});
