import { countyOfNumberEver, KommuneNumberCatalogue, numberHistory, numberValidOn, predecessorChanges, successorNumbers } from './kommune';

/** Rows from SSB's KLASS classification 131 (the shipped snapshot), for Kongsberg, Drammen and Ålesund/Haram. */
const CATALOGUE: KommuneNumberCatalogue = {
  periods: [
    ['0602', 'Drammen', '1995-01-01', '2020-01-01'],
    ['0604', 'Kongsberg', '1995-01-01', '2020-01-01'],
    ['0625', 'Nedre Eiker', '1995-01-01', '2020-01-01'],
    ['1507', 'Ålesund', '2020-01-01', '2024-01-01'],
    ['1508', 'Ålesund', '2024-01-01', null],
    ['1580', 'Haram', '2024-01-01', null],
    ['3005', 'Drammen', '2020-01-01', '2024-01-01'],
    ['3006', 'Kongsberg', '2020-01-01', '2024-01-01'],
    ['3301', 'Drammen', '2024-01-01', null],
    ['3303', 'Kongsberg', '2024-01-01', null],
  ].map(([number, name, validFrom, validTo]) => ({ number: number!, name: name!, validFrom: validFrom!, validTo })),
  changes: [
    ['2020-01-01', '0602', 'Drammen', '3005', 'Drammen'],
    ['2020-01-01', '0604', 'Kongsberg', '3006', 'Kongsberg'],
    ['2020-01-01', '0625', 'Nedre Eiker', '3005', 'Drammen'],
    ['2024-01-01', '1507', 'Ålesund', '1508', 'Ålesund'],
    ['2024-01-01', '1507', 'Ålesund', '1580', 'Haram'],
    ['2024-01-01', '3005', 'Drammen', '3301', 'Drammen'],
    ['2024-01-01', '3006', 'Kongsberg', '3303', 'Kongsberg'],
  ].map(([on, oldNumber, oldName, newNumber, newName]) => ({ on, oldNumber, oldName, newNumber, newName })),
};

describe('kommune numbers over time', () => {
  it('keeps Kongsberg one kommune through 0604 → 3006 → 3303, newest first', () => {
    expect(numberHistory(CATALOGUE, '3303').map((p) => [p.number, p.validFrom, p.validTo])).toEqual([
      ['3303', '2024-01-01', null],
      ['3006', '2020-01-01', '2024-01-01'],
      ['0604', '1995-01-01', '2020-01-01'],
    ]);
  });

  it('answers the number valid on a date, and none before the first or in a gap', () => {
    const history = numberHistory(CATALOGUE, '3303');
    expect(numberValidOn(history, '2019-12-31')?.number).toBe('0604');
    expect(numberValidOn(history, '2020-01-01')?.number).toBe('3006');
    expect(numberValidOn(history, '2023-12-31')?.number).toBe('3006');
    expect(numberValidOn(history, '2024-01-01')?.number).toBe('3303');
    expect(numberValidOn(history, '1990-01-01')).toBeUndefined();
  });

  it('leads a historical number to the kommune it belongs to today', () => {
    expect(successorNumbers(CATALOGUE, '0604', '2019-01-01')).toEqual(['3303']);
    expect(successorNumbers(CATALOGUE, '3006', '2021-01-01')).toEqual(['3303']);
    expect(successorNumbers(CATALOGUE, '3303', '2024-01-01')).toEqual(['3303']);
    expect(successorNumbers(CATALOGUE, '0604', '2019-01-01', '2022-06-01')).toEqual(['3006']);
  });

  it('leads merged numbers to one kommune and a split number to several', () => {
    expect(successorNumbers(CATALOGUE, '0625', '2019-01-01')).toEqual(['3301']);
    expect(successorNumbers(CATALOGUE, '0602', '2019-01-01')).toEqual(['3301']);
    expect(successorNumbers(CATALOGUE, '1507', '2023-01-01')).toEqual(['1508', '1580']);
  });

  it('follows a number listed before it came into use from its first day, and knows no unknown number', () => {
    expect(successorNumbers(CATALOGUE, '3006', '2017-01-01')).toEqual(['3303']);
    expect(successorNumbers(CATALOGUE, '9999', '2017-01-01')).toEqual([]);
  });

  it('ends a kommune’s own chain at a merger and records the merged numbers as predecessors', () => {
    expect(numberHistory(CATALOGUE, '3301').map((p) => p.number)).toEqual(['3301', '3005']);
    expect(predecessorChanges(CATALOGUE, '3301').map((c) => c.oldNumber)).toEqual(['0602', '0625']);
    expect(predecessorChanges(CATALOGUE, '3303')).toEqual([]);
  });

  it('names the county of numbers of former counties too', () => {
    expect(countyOfNumberEver('0604')).toBe('Buskerud');
    expect(countyOfNumberEver('3006')).toBe('Viken');
    expect(countyOfNumberEver('3303')).toBe('Buskerud');
    expect(countyOfNumberEver('3817')).toBe('Vestfold og Telemark');
    expect(countyOfNumberEver('13xx')).toBeUndefined();
  });
});
