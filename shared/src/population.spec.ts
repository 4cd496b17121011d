import { isPopulationDate, populationAction, populationDateRange } from './population';

describe('population dates', () => {
  const today = '2026-12-02';

  it('run from 1 January 1900 to 31 December of next year', () => {
    expect(populationDateRange(today)).toEqual({ from: '1900-01-01', to: '2027-12-31' });
    expect(populationDateRange('2026-01-01')).toEqual({ from: '1900-01-01', to: '2027-12-31' });
  });

  it.each([
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2024-01-01', true],
    ['2027-12-31', true],
    ['2028-01-01', false],
    ['2099-01-01', false],
    ['1800-01-01', false],
    ['2024-02-30', false],
    ['2024-1-1', false],
    ['', false],
  ])('%s is a population date: %s', (asOf, ok) => {
    expect(isPopulationDate(asOf, today)).toBe(ok);
  });
});

describe('populationAction', () => {
  it('names what a change does to the figure of a date', () => {
    expect(populationAction(null, 100)).toBe('population.recorded');
    expect(populationAction(100, 120)).toBe('population.corrected');
    expect(populationAction(100, 100)).toBeNull();
    expect(populationAction(100, null)).toBe('population.deleted');
    expect(populationAction(null, null)).toBeNull();
  });
});
