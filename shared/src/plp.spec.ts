import { evaluateReadiness, ReadinessInput } from './gate';
import { nextActions, ProjectForActions } from './next-actions';
import { durationStatus, monthsBetween, nextPhaseKey, PHASES, phaseSpec } from './plp';

describe('the phase catalogue', () => {
  it('has forstudie (6–9 months) → forprosjekt (9–12) → hovedprosjekt (set by its plan)', () => {
    expect(PHASES.map((p) => [p.key, p.recommendedMonths])).toEqual([
      ['forstudie', { min: 6, max: 9 }],
      ['forprosjekt', { min: 9, max: 12 }],
      ['hovedprosjekt', null],
    ]);
    expect(nextPhaseKey('forstudie')).toBe('forprosjekt');
    expect(nextPhaseKey('hovedprosjekt')).toBeNull();
  });
  it('asks each phase before the last for a plan for the next one and a final report', () => {
    for (const p of PHASES.slice(0, 2)) {
      expect(p.deliverables.filter((d) => d.nextPhasePlan)).toHaveLength(1);
      expect(p.deliverables.filter((d) => d.finalReport)).toHaveLength(1);
    }
  });
  it('has every title in bokmål, nynorsk and English, and unique keys', () => {
    const keys = PHASES.flatMap((p) => [...p.deliverables.map((d) => d.key), ...p.checkpoints.map((c) => c.key)]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const text of PHASES.flatMap((p) => [
      p.title,
      p.goal,
      ...p.deliverables.flatMap((d) => [d.title, d.description]),
      ...p.checkpoints.map((c) => c.title),
    ])) {
      expect(Object.keys(text).sort()).toEqual(['en', 'nb', 'nn']);
      expect(Object.values(text).every((s) => s.trim().length > 0)).toBe(true);
    }
  });
});

describe('durations', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2024-01-15', '2024-07-14')).toBe(5);
    expect(monthsBetween('2024-01-15', '2024-07-15')).toBe(6);
    expect(monthsBetween('2016-12-01', '2017-05-31')).toBe(5);
  });
  it('compares a phase with its recommended range', () => {
    expect(durationStatus(phaseSpec('forstudie'), '2024-01-01', '2024-08-01')).toEqual({ months: 7, status: 'within' });
    expect(durationStatus(phaseSpec('forstudie'), '2024-01-01', '2024-03-01')).toEqual({ months: 2, status: 'short' });
    expect(durationStatus(phaseSpec('forprosjekt'), '2024-01-01', '2025-03-01')).toEqual({ months: 14, status: 'long' });
    expect(durationStatus(phaseSpec('hovedprosjekt'), '2024-01-01', '2027-01-01')).toEqual({ months: 36, status: 'no_recommendation' });
    expect(durationStatus(phaseSpec('forstudie'), null, '2024-01-01').status).toBe('unknown');
  });
});

describe('evaluateReadiness', () => {
  const spec = phaseSpec('forstudie');
  const base = (over: Partial<ReadinessInput> = {}): ReadinessInput => ({
    phaseKey: 'forstudie',
    phaseState: 'in_progress',
    deliverables: spec.deliverables.map((d, i) => ({
      id: `d${i}`,
      key: d.key,
      required: true,
      state: 'accepted' as const,
      notRequiredReason: null,
    })),
    checkpoints: spec.checkpoints.map((c) => ({ key: c.key, checked: true })),
    actualStart: '2024-01-01',
    today: '2024-08-01',
    ...over,
  });

  it('is ready when every required deliverable is accepted and every checkpoint ticked', () => {
    const r = evaluateReadiness(base());
    expect(r.ready).toBe(true);
    expect(r.items.filter((i) => i.kind === 'next_phase_plan')).toEqual([
      expect.objectContaining({ key: 'plan_forprosjekt', status: 'ok' }),
    ]);
  });
  it('accepts "not required" only with a reason, but never for the next phase plan', () => {
    const withReason = base();
    withReason.deliverables[2] = { ...withReason.deliverables[2], state: 'not_required', notRequiredReason: 'Dekkes av sluttrapporten' };
    expect(evaluateReadiness(withReason).ready).toBe(true);
    const noReason = base();
    noReason.deliverables[2] = { ...noReason.deliverables[2], state: 'not_required', notRequiredReason: ' ' };
    expect(evaluateReadiness(noReason).ready).toBe(false);
    const plan = base();
    const i = plan.deliverables.findIndex((d) => d.key === 'plan_forprosjekt');
    plan.deliverables[i] = { ...plan.deliverables[i], state: 'not_required', notRequiredReason: 'x' };
    expect(evaluateReadiness(plan).items.find((x) => x.kind === 'next_phase_plan')?.status).toBe('missing');
  });
  it('is not ready with a returned deliverable, an empty draft or an unticked checkpoint (a submitted one goes in with the package)', () => {
    const submitted = base();
    submitted.deliverables[0] = { ...submitted.deliverables[0], state: 'submitted' };
    expect(evaluateReadiness(submitted)).toMatchObject({ ready: true });
    const returned = base();
    returned.deliverables[0] = { ...returned.deliverables[0], state: 'returned' };
    expect(evaluateReadiness(returned)).toMatchObject({ ready: false });
    const empty = base();
    empty.deliverables[0] = { ...empty.deliverables[0], state: 'draft' };
    expect(evaluateReadiness(empty)).toMatchObject({ ready: false });
    empty.deliverables[0] = { ...empty.deliverables[0], filled: true };
    expect(evaluateReadiness(empty)).toMatchObject({ ready: true });
    expect(evaluateReadiness(base({ checkpoints: [] })).ready).toBe(false);
  });
  it('warns, without blocking, when the phase is outside the recommended length', () => {
    const r = evaluateReadiness(base({ today: '2024-03-01' }));
    expect(r.ready).toBe(true);
    expect(r.items.find((i) => i.kind === 'duration')).toMatchObject({
      status: 'warning',
      blocking: false,
      params: { months: 2, status: 'short' },
    });
  });
  it('is never ready unless the phase is in progress; extra lines can block', () => {
    expect(evaluateReadiness(base({ phaseState: 'awaiting_decision' })).ready).toBe(false);
    expect(evaluateReadiness(base({ extra: [{ kind: 'budget', key: 'budget_balance', status: 'missing', blocking: true }] })).ready).toBe(
      false,
    );
  });
});

describe('nextActions', () => {
  const project = (over: Partial<NonNullable<ProjectForActions['currentPhase']>> = {}): ProjectForActions => ({
    id: 'p1',
    regionId: 'r1',
    status: 'active',
    currentPhase: {
      key: 'forstudie',
      state: 'in_progress',
      ready: false,
      deliverables: [
        { id: 'd1', key: 'business_needs', state: 'draft' },
        { id: 'd2', key: 'recommendation', state: 'submitted' },
        { id: 'd3', key: 'current_practice', state: 'returned' },
      ],
      uncheckedCheckpoints: ['anchored'],
      ...over,
    },
  });
  const leader = [{ role: 'project_leader' as const, regionId: 'r1', projectId: 'p1' }];
  const raad = [{ role: 'regionraad' as const, regionId: 'r1', projectId: null }];
  const adviser = [{ role: 'adviser' as const, regionId: 'r1', projectId: null }];

  it('tells the project leader to revise, write and tick, and to submit once ready', () => {
    expect(nextActions(project(), leader).map((a) => a.kind)).toEqual(['revise_deliverable', 'write_deliverable', 'tick_checkpoint']);
    expect(nextActions(project({ ready: true, deliverables: [], uncheckedCheckpoints: [] }), leader)).toEqual([
      { kind: 'submit_for_decision', phaseKey: 'forstudie' },
    ]);
    expect(nextActions(project({ state: 'awaiting_decision' }), leader)).toEqual([{ kind: 'await_decision', phaseKey: 'forstudie' }]);
  });
  it('tells the project leader to make the next phase’s budget balance when it does not', () => {
    expect(nextActions(project({ deliverables: [], uncheckedCheckpoints: [], nextBudgetMissing: 'forprosjekt' }), leader)).toEqual([
      { kind: 'plan_next_budget', phaseKey: 'forprosjekt' },
    ]);
  });
  it('tells the regionråd to review submitted deliverables and decide waiting gates', () => {
    expect(nextActions(project(), raad)).toEqual([
      { kind: 'review_deliverable', phaseKey: 'forstudie', deliverableId: 'd2', key: 'recommendation' },
    ]);
    expect(nextActions(project({ state: 'awaiting_decision', deliverables: [] }), raad)).toEqual([
      { kind: 'decide_gate', phaseKey: 'forstudie' },
    ]);
  });
  it('tells advisers they follow, and everyone when the project has ended', () => {
    expect(nextActions(project(), adviser)).toEqual([{ kind: 'follow', phaseKey: 'forstudie' }]);
    expect(nextActions({ ...project(), status: 'completed', currentPhase: null }, leader)).toEqual([{ kind: 'project_closed' }]);
  });
});
