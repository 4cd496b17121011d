import type { RoleAssignment } from './access';
import {
  compareRisks,
  heatMap,
  isRiskQuarter,
  mayEditRisks,
  proximityStatus,
  quarterOf,
  quarterParts,
  riskAssessmentProblems,
  riskChanges,
  riskLevel,
  riskScore,
  scoresAfter,
  shiftQuarter,
  type RiskFacts,
} from './risks';

const risk = (over: Partial<RiskFacts> & { id: string; number: number }): RiskFacts => ({
  description: `Risiko ${over.number}`,
  probabilityBefore: 3,
  consequenceBefore: 3,
  probabilityAfter: null,
  consequenceAfter: null,
  status: 'open',
  proximity: null,
  ...over,
});

describe('scores and levels', () => {
  it('multiply probability by consequence, 1–25', () => {
    expect(riskScore({ probability: 1, consequence: 1 })).toBe(1);
    expect(riskScore({ probability: 4, consequence: 5 })).toBe(20);
    expect(riskScore({ probability: 5, consequence: 5 })).toBe(25);
  });

  it('are low up to 4, medium 5–9 and high from 10', () => {
    expect([1, 4, 5, 9, 10, 25].map(riskLevel)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high']);
    // A consequence of 5 is never low; two fours are high.
    expect(riskLevel(riskScore({ probability: 1, consequence: 5 }))).toBe('medium');
    expect(riskLevel(riskScore({ probability: 4, consequence: 4 }))).toBe('high');
  });

  it('after measures fall back to before when the risk has no assessment after measures', () => {
    expect(scoresAfter(risk({ id: 'a', number: 1, probabilityBefore: 4, consequenceBefore: 5 }))).toEqual({
      probability: 4,
      consequence: 5,
    });
    expect(scoresAfter(risk({ id: 'a', number: 1, probabilityAfter: 2, consequenceAfter: 3 }))).toEqual({ probability: 2, consequence: 3 });
  });
});

describe('an assessment', () => {
  const base = { probabilityBefore: 4, consequenceBefore: 4, probabilityAfter: null, consequenceAfter: null, measures: '' };

  it('holds with scores before only', () => {
    expect(riskAssessmentProblems(base)).toEqual([]);
  });

  it('takes both scores after measures, or neither', () => {
    expect(riskAssessmentProblems({ ...base, probabilityAfter: 2, measures: 'Tiltak' })).toEqual([
      { field: 'consequenceAfter', problem: 'after_needs_both' },
    ]);
    expect(riskAssessmentProblems({ ...base, consequenceAfter: 2, measures: 'Tiltak' })).toEqual([
      { field: 'probabilityAfter', problem: 'after_needs_both' },
    ]);
  });

  it('never scores higher after measures than before, and needs the measures written', () => {
    expect(riskAssessmentProblems({ ...base, probabilityAfter: 5, consequenceAfter: 5 })).toEqual([
      { field: 'probabilityAfter', problem: 'after_above_before' },
      { field: 'consequenceAfter', problem: 'after_above_before' },
      { field: 'measures', problem: 'after_needs_measures' },
    ]);
    expect(riskAssessmentProblems({ ...base, probabilityAfter: 2, consequenceAfter: 4, measures: '  ' })).toEqual([
      { field: 'measures', problem: 'after_needs_measures' },
    ]);
    expect(riskAssessmentProblems({ ...base, probabilityAfter: 2, consequenceAfter: 4, measures: 'Avklare i rådmannsgruppen' })).toEqual(
      [],
    );
  });
});

describe('proximity quarters', () => {
  it('are written YYYY-Qn', () => {
    expect(isRiskQuarter('2026-Q4')).toBe(true);
    expect(isRiskQuarter('2026-Q5')).toBe(false);
    expect(isRiskQuarter('2026-4')).toBe(false);
    expect(isRiskQuarter('2026-12-01')).toBe(false);
    expect(isRiskQuarter(null)).toBe(false);
  });

  it('follow the calendar and step across year ends', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-12-03')).toBe('2026-Q4');
    expect(shiftQuarter('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2026-Q2', 9)).toBe('2028-Q3');
    expect(quarterParts('2027-Q3')).toEqual({ year: 2027, quarter: 3 });
  });

  it('say how near a risk is', () => {
    const today = '2026-12-03';
    expect(proximityStatus('2026-Q3', today)).toBe('passed');
    expect(proximityStatus('2026-Q4', today)).toBe('now');
    expect(proximityStatus('2027-Q1', today)).toBe('next');
    expect(proximityStatus('2027-Q2', today)).toBe('later');
    expect(proximityStatus(null, today)).toBe('unknown');
  });
});

describe('ranking', () => {
  it('puts the highest score after measures first, then the larger consequence, the nearer quarter and the number', () => {
    const risks = [
      risk({
        id: 'a',
        number: 1,
        probabilityBefore: 5,
        consequenceBefore: 5,
        probabilityAfter: 2,
        consequenceAfter: 2,
        proximity: '2027-Q1',
      }),
      risk({ id: 'b', number: 2, probabilityBefore: 3, consequenceBefore: 4 }), // 12
      risk({ id: 'c', number: 3, probabilityBefore: 4, consequenceBefore: 3 }), // 12, smaller consequence
      risk({ id: 'd', number: 4, probabilityBefore: 2, consequenceBefore: 2, proximity: '2026-Q4' }), // 4, sooner than a
      risk({ id: 'e', number: 5, probabilityBefore: 2, consequenceBefore: 2 }), // 4, no quarter
      risk({ id: 'f', number: 6, probabilityBefore: 4, consequenceBefore: 4 }), // 16
    ];
    expect([...risks].sort(compareRisks).map((r) => r.number)).toEqual([6, 2, 3, 4, 1, 5]);
  });
});

describe('the heat map', () => {
  const risks = [
    risk({ id: 'a', number: 1, probabilityBefore: 4, consequenceBefore: 5, probabilityAfter: 2, consequenceAfter: 5 }),
    risk({ id: 'b', number: 2, probabilityBefore: 4, consequenceBefore: 5 }),
    risk({ id: 'c', number: 3, probabilityBefore: 1, consequenceBefore: 1 }),
    risk({ id: 'd', number: 4, probabilityBefore: 5, consequenceBefore: 5, status: 'closed' }),
    risk({ id: 'e', number: 5, probabilityBefore: 3, consequenceBefore: 2, status: 'occurred' }),
  ];

  it('is five rows from probability 5 down to 1, each with consequence 1 to 5', () => {
    const map = heatMap(risks, 'before');
    expect(map.rows.map((row) => row[0].probability)).toEqual([5, 4, 3, 2, 1]);
    expect(map.rows[0].map((c) => c.consequence)).toEqual([1, 2, 3, 4, 5]);
    expect(map.rows[0][4]).toMatchObject({ score: 25, level: 'high' });
    expect(map.rows[4][0]).toMatchObject({ score: 1, level: 'low' });
  });

  it('counts the open risks per cell, before or after measures', () => {
    const before = heatMap(risks, 'before');
    const cell = (p: number, c: number) => before.rows[5 - p][c - 1];
    expect(cell(4, 5)).toMatchObject({ count: 2, riskNumbers: [1, 2] });
    expect(cell(1, 1)).toMatchObject({ count: 1, riskNumbers: [3] });
    expect(cell(5, 5).count).toBe(0); // closed
    expect(cell(3, 2).count).toBe(0); // occurred
    expect(before).toMatchObject({ open: 3, notOpen: 2 });
    expect(before.rows.flat().reduce((n, c) => n + c.count, 0)).toBe(3);

    const after = heatMap(risks, 'after');
    const cellAfter = (p: number, c: number) => after.rows[5 - p][c - 1];
    expect(cellAfter(4, 5)).toMatchObject({ count: 1, riskNumbers: [2] });
    expect(cellAfter(2, 5)).toMatchObject({ count: 1, riskNumbers: [1] });
  });

  it('is empty for an empty register', () => {
    const map = heatMap([], 'after');
    expect(map.rows.flat().every((c) => c.count === 0)).toBe(true);
    expect(map).toMatchObject({ open: 0, notOpen: 0 });
  });
});

describe('changes since the previous report', () => {
  const previous = [
    risk({ id: 'a', number: 1, probabilityBefore: 3, consequenceBefore: 4 }), // 12
    risk({ id: 'b', number: 2, probabilityBefore: 2, consequenceBefore: 2 }), // 4
    risk({ id: 'c', number: 3 }),
    risk({ id: 'd', number: 4, status: 'closed' }),
    risk({ id: 'e', number: 5, probabilityBefore: 4, consequenceBefore: 4 }),
  ];

  it('lists new, occurred, reopened, score up and down, and removed risks', () => {
    const current = [
      risk({ id: 'a', number: 1, probabilityBefore: 3, consequenceBefore: 4, probabilityAfter: 2, consequenceAfter: 3 }),
      risk({ id: 'b', number: 2, probabilityBefore: 3, consequenceBefore: 3 }),
      risk({ id: 'd', number: 4, status: 'open', probabilityBefore: 2, consequenceBefore: 2 }),
      risk({ id: 'e', number: 5, probabilityBefore: 4, consequenceBefore: 4, status: 'occurred' }),
      risk({ id: 'f', number: 6 }),
    ];
    expect(riskChanges(previous, current).map((c) => [c.kind, c.number, c.fromScore, c.toScore])).toEqual([
      ['new', 6, null, null],
      ['occurred', 5, null, null],
      ['reopened', 4, null, null],
      ['score_up', 2, 4, 9],
      ['score_down', 1, 12, 6],
      ['score_down', 4, 9, 4],
      ['removed', 3, null, null],
    ]);
  });

  it('leaves out the score of a risk that is no longer open', () => {
    const current = previous.map((r) => (r.id === 'a' ? { ...r, probabilityAfter: 1, consequenceAfter: 1, status: 'closed' as const } : r));
    expect(riskChanges(previous, current).map((c) => [c.kind, c.number])).toEqual([['closed', 1]]);
  });

  it('is empty when nothing changed, and all new against no earlier risks', () => {
    expect(riskChanges(previous, previous)).toEqual([]);
    expect(riskChanges([], previous).map((c) => c.kind)).toEqual(['new', 'new', 'new', 'new', 'new']);
  });

  it('ignores changes that do not move the score after measures', () => {
    const current = previous.map((r) => (r.id === 'a' ? { ...r, description: 'Ny tekst', probabilityBefore: 4, consequenceBefore: 3 } : r));
    expect(riskChanges(previous, current)).toEqual([]);
  });
});

describe('who writes the register', () => {
  const project = { id: 'p1', regionId: 'r1' };
  const as = (...roles: RoleAssignment[]) => mayEditRisks(roles, project);

  it('the project leader and members, the regionråd of the region and admins', () => {
    expect(as({ role: 'project_leader', regionId: 'r1', projectId: 'p1' })).toBe(true);
    expect(as({ role: 'project_member', regionId: 'r1', projectId: 'p1' })).toBe(true);
    expect(as({ role: 'regionraad', regionId: 'r1', projectId: null })).toBe(true);
    expect(as({ role: 'admin', regionId: null, projectId: null })).toBe(true);
  });

  it('not advisers, kommune contacts, other projects’ leaders or other regions', () => {
    expect(as({ role: 'adviser', regionId: 'r1', projectId: null })).toBe(false);
    expect(as({ role: 'kommune_contact', regionId: 'r1', projectId: null })).toBe(false);
    expect(as({ role: 'project_leader', regionId: 'r1', projectId: 'p2' })).toBe(false);
    expect(as({ role: 'regionraad', regionId: 'r2', projectId: null })).toBe(false);
  });
});
