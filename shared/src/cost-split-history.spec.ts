import { costShareProblem, costShareProblemText, isSettingsProblem } from './cost-sharing';
import { costSplitParties, identityOn, populationOn, type CostSplitKommune } from './cost-split-history';
import type { KommuneNumberCatalogue } from './kommune';

/** Rows from SSB's KLASS classification 131 (the shipped snapshot): Kongsberg, Holmestrand/Hof/Sande, Ålesund/Haram. */
const CATALOGUE: KommuneNumberCatalogue = {
  periods: [
    ['0604', 'Kongsberg', '1995-01-01', '2020-01-01'],
    ['3006', 'Kongsberg', '2020-01-01', '2024-01-01'],
    ['3303', 'Kongsberg', '2024-01-01', null],
    ['0702', 'Holmestrand', '1995-01-01', '2018-01-01'],
    ['0714', 'Hof', '2017-01-01', '2018-01-01'],
    ['0713', 'Sande (Vestfold)', '1995-01-01', '2020-01-01'],
    ['0715', 'Holmestrand', '2018-01-01', '2020-01-01'],
    ['3802', 'Holmestrand', '2020-01-01', '2024-01-01'],
    ['3903', 'Holmestrand', '2024-01-01', null],
    ['1534', 'Haram', '1995-01-01', '2020-01-01'],
    ['1504', 'Ålesund', '1995-01-01', '2020-01-01'],
    ['1507', 'Ålesund', '2020-01-01', '2024-01-01'],
    ['1508', 'Ålesund', '2024-01-01', null],
    ['1580', 'Haram', '2024-01-01', null],
  ].map(([number, name, validFrom, validTo]) => ({ number: number!, name: name!, validFrom: validFrom!, validTo })),
  changes: [
    ['2020-01-01', '0604', 'Kongsberg', '3006', 'Kongsberg'],
    ['2024-01-01', '3006', 'Kongsberg', '3303', 'Kongsberg'],
    ['2018-01-01', '0702', 'Holmestrand', '0715', 'Holmestrand'],
    ['2018-01-01', '0714', 'Hof', '0715', 'Holmestrand'],
    ['2020-01-01', '0713', 'Sande (Vestfold)', '3802', 'Holmestrand'],
    ['2020-01-01', '0715', 'Holmestrand', '3802', 'Holmestrand'],
    ['2024-01-01', '3802', 'Holmestrand', '3903', 'Holmestrand'],
    ['2020-01-01', '1504', 'Ålesund', '1507', 'Ålesund'],
    ['2020-01-01', '1534', 'Haram', '1507', 'Ålesund'],
    ['2024-01-01', '1507', 'Ålesund', '1508', 'Ålesund'],
    ['2024-01-01', '1507', 'Ålesund', '1580', 'Haram'],
  ].map(([on, oldNumber, oldName, newNumber, newName]) => ({
    on: on!,
    oldNumber: oldNumber!,
    oldName: oldName!,
    newNumber: newNumber!,
    newName: newName!,
  })),
};

describe('the kommune a cost split for a date names', () => {
  it('uses the number valid then: Kongsberg 3006 in 2022, 3303 from 2024, 0604 before 2020', () => {
    expect(identityOn(CATALOGUE, '3303', 'Kongsberg', '2022-06-30')).toEqual({ numbers: ['3006'], name: 'Kongsberg' });
    expect(identityOn(CATALOGUE, '3303', 'Kongsberg', '2024-01-01')).toEqual({ numbers: ['3303'], name: 'Kongsberg' });
    expect(identityOn(CATALOGUE, '3303', 'Kongsberg', '2019-12-31')).toEqual({ numbers: ['0604'], name: 'Kongsberg' });
  });

  it('takes the current name from the kommune row, older names from the catalogue', () => {
    expect(identityOn(CATALOGUE, '3303', 'Kongsberg kommune', '2025-01-01')?.name).toBe('Kongsberg kommune');
    expect(identityOn(CATALOGUE, '3303', 'Kongsberg kommune', '2021-01-01')?.name).toBe('Kongsberg');
  });

  it('names a kommune merged later by the kommuner it was made of then', () => {
    expect(identityOn(CATALOGUE, '3903', 'Holmestrand', '2017-06-01')).toEqual({
      numbers: ['0702', '0713', '0714'],
      name: 'Holmestrand, Sande (Vestfold), Hof',
    });
    expect(identityOn(CATALOGUE, '3903', 'Holmestrand', '2019-06-01')).toEqual({
      numbers: ['0715', '0713'],
      name: 'Holmestrand, Sande (Vestfold)',
    });
    expect(identityOn(CATALOGUE, '3903', 'Holmestrand', '2021-06-01')).toEqual({ numbers: ['3802'], name: 'Holmestrand' });
  });

  it('keeps a kommune registered under a number merged away later only while that number was valid', () => {
    expect(identityOn(CATALOGUE, '0714', 'Hof', '2017-06-01')).toEqual({ numbers: ['0714'], name: 'Hof' });
    expect(identityOn(CATALOGUE, '0714', 'Hof', '2018-01-01')).toBeNull();
  });

  it('leaves out a kommune split off later; a part keeping an old kommune’s name carries it on', () => {
    expect(identityOn(CATALOGUE, '1580', 'Haram', '2022-01-01')).toBeNull();
    expect(identityOn(CATALOGUE, '1508', 'Ålesund', '2022-01-01')).toEqual({ numbers: ['1507'], name: 'Ålesund' });
    // Before 2020 Haram was its own kommune (1534); 1580, made of part of Ålesund 1507, carries its name on.
    expect(identityOn(CATALOGUE, '1580', 'Haram', '2019-01-01')).toEqual({ numbers: ['1534'], name: 'Haram' });
  });

  it('takes a number the catalogue does not know as valid on every date', () => {
    expect(identityOn(CATALOGUE, '3399', 'Testkommune', '2001-01-01')).toEqual({ numbers: ['3399'], name: 'Testkommune' });
  });
});

describe('the population a cost split for a date uses', () => {
  const figures = [
    { asOf: '2021-01-01', count: 100 },
    { asOf: '2022-01-01', count: 110 },
    { asOf: '2022-07-01', count: 115 },
  ];

  it('is the figure of 1 January of the year, even with a newer one that year', () => {
    expect(populationOn(figures, '2022-12-31')).toEqual({ asOf: '2022-01-01', count: 110 });
  });

  it('is the newest on or before the date without a 1 January figure that year, or none', () => {
    expect(populationOn(figures, '2023-05-01')).toEqual({ asOf: '2022-07-01', count: 115 });
    expect(populationOn(figures, '2020-05-01')).toBeNull();
  });
});

describe('the parties of a cost split for a date', () => {
  const kommune = (id: string, number: string, name: string, from: string, to: string | null = null): CostSplitKommune => ({
    id,
    number,
    name,
    memberships: [{ from, to }],
    figures: [
      { asOf: '2022-01-01', count: 1000 + id.length },
      { asOf: '2024-01-01', count: 2000 + id.length },
    ],
  });
  const kommuner = [
    kommune('kongsberg', '3303', 'Kongsberg', '2010-01-01'),
    kommune('haram', '1580', 'Haram', '2024-01-01'),
    kommune('late', '3399', 'Seinkommune', '2023-01-01'),
    kommune('left', '3398', 'Utkommune', '2010-01-01', '2021-12-31'),
  ];

  it('are the members of the date that existed then, under the numbers and names of then, with that year’s figures', () => {
    const { parties, excluded } = costSplitParties(CATALOGUE, kommuner, '2022-06-30');
    expect(parties).toEqual([
      { id: 'kongsberg', name: 'Kongsberg', numbers: ['3006'], currentName: 'Kongsberg', population: 1009, populationAsOf: '2022-01-01' },
    ]);
    expect(excluded).toEqual([
      { id: 'haram', name: 'Haram', reason: 'not_member' },
      { id: 'late', name: 'Seinkommune', reason: 'not_member' },
      { id: 'left', name: 'Utkommune', reason: 'not_member' },
    ]);
  });

  it('leave out a member that did not exist on the date', () => {
    const haram = { ...kommune('haram', '1580', 'Haram', '2010-01-01') };
    expect(costSplitParties(CATALOGUE, [haram], '2022-06-30').excluded).toEqual([{ id: 'haram', name: 'Haram', reason: 'did_not_exist' }]);
    expect(costSplitParties(CATALOGUE, [haram], '2024-06-30').parties[0]).toMatchObject({ numbers: ['1580'], population: 2005 });
  });

  it('are every kommune under today’s number and name with its newest figure when no date is chosen', () => {
    const { parties, excluded } = costSplitParties(CATALOGUE, kommuner, null);
    expect(excluded).toEqual([]);
    expect(parties.map((p) => [p.name, p.numbers, p.populationAsOf])).toEqual([
      ['Haram', ['1580'], '2024-01-01'],
      ['Kongsberg', ['3303'], '2024-01-01'],
      ['Seinkommune', ['3399'], '2024-01-01'],
      ['Utkommune', ['3398'], '2024-01-01'],
    ]);
  });
});

describe('a cost split for a date with no parties', () => {
  it('is a problem of the chosen date (saving it is refused), not of the project', () => {
    const problem = costShareProblem({ total: 1000, equalPercent: 50, populationDate: '2009-06-30', year: null, kommuner: [] });
    expect(problem).toEqual({ code: 'COST_SHARING_NO_KOMMUNER', params: { populationDate: '2009-06-30' } });
    expect(isSettingsProblem(problem!, { year: null, populationDate: '2009-06-30' })).toBe(true);
    expect(costShareProblemText(problem!, 'nb')).toBe('Ingen av prosjektets kommuner var medlem av regionen per 30.06.2009.');
    const none = costShareProblem({ total: 1000, equalPercent: 50, populationDate: null, year: null, kommuner: [] });
    expect(isSettingsProblem(none!, { year: null, populationDate: null })).toBe(false);
  });
});
