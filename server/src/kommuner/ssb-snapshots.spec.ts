import { numberHistory, successorNumbers } from '@nvr/shared';
import { kommuneNumberCatalogue, parseJsonStatPopulation, shippedPopulationTable } from './ssb-snapshots';

/** The shipped SSB snapshots (server/src/kommuner/data/) against figures SSB publishes. */
describe('shipped SSB snapshots', () => {
  it('table 07459 adds up to SSB’s national totals on 1 January', () => {
    const table = shippedPopulationTable();
    const total = (year: number) => table.figures.filter((f) => f.year === year).reduce((s, f) => s + f.count, 0);
    expect(table.table).toBe('07459');
    expect(total(2017)).toBe(5_258_317);
    expect(total(2020)).toBe(5_367_580);
    expect(total(2024)).toBe(5_550_203);
    expect(table.figures.find((f) => f.year === 2019 && f.number === '0604')?.count).toBe(27_481);
    expect(table.figures.find((f) => f.year === 2024 && f.number === '3303')?.count).toBe(28_848);
  });

  it('KLASS 131 has Kongsberg’s renumberings and the 2024 split of Ålesund', () => {
    const catalogue = kommuneNumberCatalogue();
    expect(numberHistory(catalogue, '3303').map((p) => p.number)).toEqual(['3303', '3006', '0604']);
    expect(successorNumbers(catalogue, '0604', '2019-01-01')).toEqual(['3303']);
    expect(successorNumbers(catalogue, '1507', '2023-01-01')).toEqual(['1508', '1580']);
  });

  it('every kommune number of every shipped year leads to a kommune valid today', () => {
    const catalogue = kommuneNumberCatalogue();
    const today = new Set(catalogue.periods.filter((p) => p.validTo === null).map((p) => p.number));
    const lost = shippedPopulationTable()
      .figures.filter((f) => {
        const now = successorNumbers(catalogue, f.number, `${f.year}-01-01`);
        return now.length === 0 || now.some((n) => !today.has(n));
      })
      .map((f) => `${f.year} ${f.number}`);
    expect(lost).toEqual([]);
  });

  it('reads SSB’s v1 "K-" region codes and refuses what is not a JSON-stat 2 dataset', () => {
    const ds = {
      version: '2.0',
      class: 'dataset',
      role: { time: ['Tid'], geo: ['Region'], metric: ['ContentsCode'] },
      id: ['Region', 'Kjonn', 'ContentsCode', 'Tid'],
      size: [2, 1, 1, 1],
      dimension: {
        Region: { category: { index: { 'K-3303': 0, 'K-Rest': 1 } } },
        Kjonn: { category: { index: { '1': 0 } } },
        ContentsCode: { category: { index: { Personer1: 0 } } },
        Tid: { category: { index: ['2024'] } },
      },
      value: [14_500, 3],
    };
    expect(parseJsonStatPopulation(ds).figures).toEqual([{ year: 2024, number: '3303', count: 14_500 }]);
    expect(() => parseJsonStatPopulation({ ...ds, size: [2, 2, 1, 1] })).toThrow('Kjonn');
    expect(() => parseJsonStatPopulation({ class: 'collection' })).toThrow('JSON-stat');
  });
});
