import { budgetTotals, ownWorkAmount } from './budget';
import {
  CostShareError,
  type CostShareProblem,
  costShareProblem,
  commonPopulationDate,
  costShareProblemText,
  isSettingsProblem,
  roundParts,
  shareCosts,
} from './cost-sharing';

const KONGSBERG = [
  ['Hjartdal', 1619, 43747],
  ['Tinn', 6066, 65811],
  ['Notodden', 12232, 96403],
  ['Kongsberg', 23997, 154775],
  ['Flesberg', 2521, 48222],
  ['Rollag', 1419, 42755],
  ['Nore og Uvdal', 2534, 48287],
] as const;

describe('shareCosts', () => {
  it('reproduces the Kongsbergregionen table: 500 000 kr, 50 % equally and 50 % by population on 1 January 2008', () => {
    const share = shareCosts({
      total: 500000,
      equalPercent: 50,
      kommuner: KONGSBERG.map(([name, population]) => ({ id: name, name, population })),
    });
    expect(share.rows.map((r) => [r.name, r.amount])).toEqual(KONGSBERG.map(([name, , amount]) => [name, amount]));
    expect(share.rows.find((r) => r.name === 'Hjartdal')).toMatchObject({ equalPart: 35714, populationPart: 8033 });
    expect(share).toMatchObject({ total: 500000, totalPopulation: 50388, equalTotal: 250000, populationTotal: 250000 });
  });

  it('rounds the parts of the Kongsbergregionen table so that rows and columns add up (the seed’s spreadsheet did not)', () => {
    const share = shareCosts({
      total: 500000,
      equalPercent: 50,
      kommuner: KONGSBERG.map(([name, population]) => ({ id: name, name, population })),
    });
    for (const r of share.rows) expect(r.equalPart + r.populationPart).toBe(r.amount);
    expect(share.rows.reduce((s, r) => s + r.equalPart, 0)).toBe(250000);
    expect(share.rows.reduce((s, r) => s + r.populationPart, 0)).toBe(250000);
    // 250 000 / 7 = 35 714.29: five kommuner get 35 714 and two 35 715. Tinn's exact parts are 35 714.29 and
    // 30 096.85, so its 65 811 is 35 714 + 30 097 (the seed's table: 35 714 + 30 096 = 65 810).
    expect(share.rows.map((r) => r.equalPart).sort()).toEqual([35714, 35714, 35714, 35714, 35714, 35715, 35715]);
    expect(share.rows.find((r) => r.name === 'Tinn')).toMatchObject({ equalPart: 35714, populationPart: 30097, amount: 65811 });
  });

  it.each([
    [1, 0],
    [999_999, 30],
    [1_000_001, 70],
    [7, 100],
    [123_456_789, 0],
  ])('always adds up exactly: %i kr with %i %% equal', (total, equalPercent) => {
    const kommuner = [3, 1, 1, 7, 100_000, 2].map((population, i) => ({ id: String(i), name: `K${i}`, population }));
    const share = shareCosts({ total, equalPercent, kommuner });
    expect(share.rows.reduce((s, r) => s + r.amount, 0)).toBe(total);
    expect(share.rows.every((r) => Number.isInteger(r.amount) && r.amount >= 0)).toBe(true);
  });

  it('splits equally at 100 % and by population alone at 0 %', () => {
    const kommuner = [
      { id: 'a', name: 'A', population: 100 },
      { id: 'b', name: 'B', population: 300 },
    ];
    expect(shareCosts({ total: 1000, equalPercent: 100, kommuner }).rows.map((r) => r.amount)).toEqual([500, 500]);
    expect(shareCosts({ total: 1000, equalPercent: 0, kommuner }).rows.map((r) => r.amount)).toEqual([250, 750]);
  });

  it('refuses what it cannot share', () => {
    expect(() => shareCosts({ total: 10.5, equalPercent: 50, kommuner: [{ id: 'a', name: 'A', population: 1 }] })).toThrow(CostShareError);
    expect(() => shareCosts({ total: 10, equalPercent: 101, kommuner: [{ id: 'a', name: 'A', population: 1 }] })).toThrow(/0 to 100/);
    expect(() => shareCosts({ total: 10, equalPercent: 50, kommuner: [] })).toThrow(/no kommuner/);
    expect(() => shareCosts({ total: 10, equalPercent: 50, kommuner: [{ id: 'a', name: 'A', population: 0 }] })).toThrow(/no population/);
    expect(shareCosts({ total: 10, equalPercent: 100, kommuner: [{ id: 'a', name: 'A', population: 0 }] }).rows[0].amount).toBe(10);
  });
});

describe('shareCosts on random tables', () => {
  /** A small deterministic generator (mulberry32), so a failure can be reproduced from its seed. */
  function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it.each(Array.from({ length: 20 }, (_, i) => i + 1))(
    'adds up in every row and column, each part within a krone of exact (seed %i)',
    (seed) => {
      const rnd = random(seed);
      const problems: string[] = [];
      const check = (ok: boolean, what: string, context: unknown) => {
        if (!ok) problems.push(`${what}: ${JSON.stringify(context)}`);
      };
      for (let round = 0; round < 50; round++) {
        const n = 1 + Math.floor(rnd() * 12);
        const big = rnd() < 0.3;
        const kommuner = Array.from({ length: n }, (_, i) => ({
          id: String(i),
          name: `K${i}`,
          population: rnd() < 0.1 ? 0 : Math.floor(rnd() * (big ? 700_000 : 30_000)),
        }));
        if (kommuner.every((k) => k.population === 0)) kommuner[0].population = 1;
        const total = Math.floor(rnd() * (rnd() < 0.2 ? 100 : big ? 2_000_000_000 : 3_000_000));
        const pick = Math.floor(rnd() * 6);
        const equalPercent = pick < 5 ? [0, 100, 50, 30, 70][pick] : Math.floor(rnd() * 101);
        const input = { total, equalPercent, kommuner };
        const share = shareCosts(input);
        const P = populationOf(kommuner);
        const exactEqualColumn = (total * equalPercent) / 100;
        check(share.equalTotal === Math.round(exactEqualColumn), 'equal column total is the exact one rounded', input);
        check(share.equalTotal + share.populationTotal === total, 'column totals add up to the total', input);
        check(share.rows.reduce((s, r) => s + r.amount, 0) === total, 'amounts add up to the total', input);
        check(share.rows.reduce((s, r) => s + r.equalPart, 0) === share.equalTotal, 'equal column adds up', input);
        check(share.rows.reduce((s, r) => s + r.populationPart, 0) === share.populationTotal, 'population column adds up', input);
        for (const r of share.rows) {
          const exactEqual = exactEqualColumn / n;
          const exactPopulation = ((total * (100 - equalPercent)) / 100) * (r.population / P);
          check(r.equalPart + r.populationPart === r.amount, 'row adds up', { input, r });
          check(
            [r.equalPart, r.populationPart].every((x) => Number.isInteger(x) && x >= 0),
            'whole kroner, not negative',
            { input, r },
          );
          // Floating point only checks the bound; the function itself computes with integers.
          check(Math.abs(r.equalPart - exactEqual) < 1 + 1e-6, 'equal part within a krone', { input, r });
          check(Math.abs(r.populationPart - exactPopulation) < 1 + 1e-6, 'population part within a krone', { input, r });
          check(Math.abs(r.amount - exactEqual - exactPopulation) < 1 + 1e-6, 'amount within a krone', { input, r });
        }
      }
      expect(problems.slice(0, 3)).toEqual([]);
    },
  );

  function populationOf(kommuner: { population: number }[]): number {
    return Math.max(
      kommuner.reduce((s, k) => s + k.population, 0),
      1,
    );
  }
});

describe('roundParts', () => {
  it('takes each part down or up so that the first column adds up to its total', () => {
    // Three rows of exact (1.5, 1.5) = 3 each, total 9; first column 4.5 rounded to 5 (half up).
    const parts = roundParts({ denominator: 2n, equal: [3n, 3n, 3n], byPopulation: [3n, 3n, 3n], amounts: [3n, 3n, 3n], equalTotal: 5n });
    expect(parts.reduce((s, x) => s + x, 0n)).toBe(5n);
    expect(parts.every((x) => x === 1n || x === 2n)).toBe(true);
    expect(parts).toEqual([2n, 2n, 1n]);
  });
});

describe('commonPopulationDate', () => {
  it('is the date every figure is from, else null', () => {
    expect(commonPopulationDate([{ populationAsOf: '2024-01-01' }, { populationAsOf: '2024-01-01' }])).toBe('2024-01-01');
    expect(commonPopulationDate([{ populationAsOf: '2024-01-01' }, { populationAsOf: '2026-01-01' }])).toBeNull();
    expect(commonPopulationDate([{ populationAsOf: null }])).toBeNull();
    expect(commonPopulationDate([])).toBeNull();
  });
});

describe('budgetTotals', () => {
  it('sums per year and checks the balance', () => {
    const t = budgetTotals([
      { kind: 'cost', category: 'project_management', year: 2026, amount: 600000 },
      { kind: 'cost', category: 'own_work', year: 2026, amount: ownWorkAmount(500, 800), hours: 500, rate: 800 },
      { kind: 'financing', category: 'innovasjon_norge', year: 2026, amount: 500000 },
      { kind: 'financing', category: 'kommuner_direct', year: 2027, amount: 500000 },
    ]);
    expect(t.byYear).toEqual([
      { year: 2026, costs: 1000000, financing: 500000, difference: 500000 },
      { year: 2027, costs: 0, financing: 500000, difference: -500000 },
    ]);
    expect(t).toMatchObject({ costs: 1000000, financing: 1000000, balanced: true, empty: false });
    expect(budgetTotals([]).empty).toBe(true);
  });
});

describe('costShareProblem', () => {
  const base = { total: 500000, equalPercent: 50, populationDate: null, year: null };
  const kommuner = [
    { name: 'Flesberg', population: 2521 },
    { name: 'Rollag', population: 1419 },
  ];

  it('is null when the table can be made', () => {
    expect(costShareProblem({ ...base, kommuner })).toBeNull();
  });

  it('names the kommuner without a figure on or before the date, unless everything is shared equally', () => {
    const lacking = [kommuner[0], { name: 'Rollag', population: null }, { name: 'Nore og Uvdal', population: null }];
    expect(costShareProblem({ ...base, populationDate: '2000-01-01', kommuner: lacking })).toEqual({
      code: 'COST_SHARING_NO_POPULATION',
      params: { kommuner: ['Rollag', 'Nore og Uvdal'], populationDate: '2000-01-01' },
    });
    expect(costShareProblem({ ...base, equalPercent: 100, kommuner: lacking })).toBeNull();
  });

  it('treats figures that are all 0 like missing ones', () => {
    const zero = kommuner.map((k) => ({ ...k, population: 0 }));
    expect(costShareProblem({ ...base, kommuner: zero })).toMatchObject({
      code: 'COST_SHARING_NO_POPULATION',
      params: { kommuner: ['Flesberg', 'Rollag'] },
    });
  });

  it('says when there is no contribution to share, and when there are no kommuner', () => {
    expect(costShareProblem({ ...base, total: 0, year: 2028, kommuner })).toEqual({
      code: 'COST_SHARING_NO_CONTRIBUTION',
      params: { year: 2028 },
    });
    expect(costShareProblem({ ...base, kommuner: [] })).toEqual({ code: 'COST_SHARING_NO_KOMMUNER', params: {} });
  });

  it('refuses settings only for problems the settings cause', () => {
    const noPopulation = { code: 'COST_SHARING_NO_POPULATION', params: {} } as const;
    const noContribution = { code: 'COST_SHARING_NO_CONTRIBUTION', params: {} } as const;
    expect(isSettingsProblem(noPopulation, { year: null })).toBe(true);
    expect(isSettingsProblem(noContribution, { year: 2028 })).toBe(true);
    expect(isSettingsProblem(noContribution, { year: null })).toBe(false);
    expect(isSettingsProblem({ code: 'COST_SHARING_NO_KOMMUNER', params: {} }, { year: 2027 })).toBe(false);
  });

  it('puts a problem into words in bokmål, nynorsk and English', () => {
    const p: CostShareProblem = { code: 'COST_SHARING_NO_POPULATION', params: { kommuner: ['Rollag'], populationDate: '2000-01-01' } };
    expect(costShareProblemText(p, 'nb')).toBe('Mangler innbyggertall per 01.01.2000 eller tidligere for: Rollag.');
    expect(costShareProblemText(p, 'nn')).toBe('Manglar innbyggjartal per 01.01.2000 eller tidlegare for: Rollag.');
    expect(costShareProblemText(p, 'en')).toBe('No population figure on or before 2000-01-01 for: Rollag.');
    expect(costShareProblemText({ code: 'COST_SHARING_NO_CONTRIBUTION', params: { year: 2028 } }, 'en')).toContain('in 2028');
  });
});
