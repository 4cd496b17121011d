import { shareCosts } from './cost-sharing';
import {
  caseRoute,
  type CaseStepLike,
  committedAmount,
  currentStep,
  type GatePackage,
  type KommuneCaseLike,
  leavingKommuneIds,
  packageChanges,
  type RegionBodyLike,
  shareAmongContinuing,
  splitConditions,
  stepOrderProblem,
  summariseKommuneCases,
} from './gate-case';

const FOSEN: RegionBodyLike[] = [
  { id: 'styret', name: 'Styret', kind: 'styre', position: 3, isOwner: true },
  { id: 'sg', name: 'Styringsgruppen', kind: 'styringsgruppe', position: 0, isOwner: false },
  { id: 'au', name: 'Arbeidsutvalget', kind: 'arbeidsutvalg', position: 2, isOwner: false },
  { id: 'rg', name: 'Rådmannsgruppen', kind: 'radmannsgruppe', position: 1, isOwner: false },
];

describe('caseRoute', () => {
  it('passes the bodies in order and ends with the owner when nothing is delegated', () => {
    const route = caseRoute(FOSEN, {}, 'forstudie', 'Fosen regionråd');
    expect(route.map((s) => [s.bodyName, s.position, s.decides])).toEqual([
      ['Styringsgruppen', 0, false],
      ['Rådmannsgruppen', 1, false],
      ['Arbeidsutvalget', 2, false],
      ['Styret', 3, true],
    ]);
    expect(route[0]).toMatchObject({ bodyId: 'sg', bodyKind: 'styringsgruppe' });
  });

  it('ends at the body the owner delegated the gate to, and only for that gate', () => {
    const deciders = { forstudie: 'au' };
    expect(caseRoute(FOSEN, deciders, 'forstudie', 'x').map((s) => [s.bodyName, s.decides])).toEqual([
      ['Styringsgruppen', false],
      ['Rådmannsgruppen', false],
      ['Arbeidsutvalget', true],
    ]);
    expect(caseRoute(FOSEN, deciders, 'forprosjekt', 'x').at(-1)).toMatchObject({ bodyName: 'Styret', decides: true });
  });

  it('lets the owner decide when a named decider is no longer among the bodies', () => {
    expect(caseRoute(FOSEN, { forstudie: 'gone' }, 'forstudie', 'x').at(-1)).toMatchObject({ bodyName: 'Styret', decides: true });
  });

  it('ends with the last body when none is marked owner', () => {
    const bodies = FOSEN.map((b) => ({ ...b, isOwner: false }));
    expect(caseRoute(bodies, {}, 'hovedprosjekt', 'x').at(-1)).toMatchObject({ bodyName: 'Styret', decides: true });
  });

  it('gives a region without bodies a route of one step: its regionråd, which decides', () => {
    expect(caseRoute([], {}, 'forstudie', 'Glåmdal regionråd')).toEqual([
      { bodyId: '', bodyName: 'Glåmdal regionråd', bodyKind: 'regionrad', position: 0, decides: true },
    ]);
  });
});

describe('the case’s steps', () => {
  const steps = (handled: number): CaseStepLike[] =>
    ['a', 'b', 'c'].map((id, i) => ({ id, position: i, decides: i === 2, handledAt: i < handled ? '2027-03-01T10:00:00Z' : null }));

  it('is held by the first body that has not handled it, and by nobody once decided', () => {
    expect(currentStep(steps(0))?.id).toBe('a');
    expect(currentStep(steps(2))?.id).toBe('c');
    expect(currentStep(steps(3))).toBeNull();
    expect(currentStep([...steps(1)].reverse())?.id).toBe('b');
  });

  it('is handled in order', () => {
    expect(stepOrderProblem(steps(0), 'a')).toBeNull();
    expect(stepOrderProblem(steps(0), 'b')).toBe('earlier_pending');
    expect(stepOrderProblem(steps(1), 'a')).toBe('already_handled');
    expect(stepOrderProblem(steps(1), 'b')).toBeNull();
    expect(stepOrderProblem(steps(1), 'c')).toBe('earlier_pending');
    expect(stepOrderProblem(steps(2), 'c')).toBeNull();
    expect(stepOrderProblem(steps(2), 'x')).toBe('not_found');
  });
});

describe('the kommunestyrer’s decisions', () => {
  const kommune = (i: number, outcome: KommuneCaseLike['outcome'], extra: Partial<KommuneCaseLike> = {}): KommuneCaseLike => ({
    kommuneId: `k${i}`,
    kommuneName: `Kommune ${i}`,
    share: 100_000,
    outcome,
    amountCommitted: null,
    deadline: '2027-04-15',
    ...extra,
  });
  const seven = [
    kommune(1, 'yes'),
    kommune(2, 'yes'),
    kommune(3, 'yes', { amountCommitted: 100_000 }),
    kommune(4, 'yes_with_changes', { amountCommitted: 60_000 }),
    kommune(5, 'no'),
    kommune(6, 'pending'),
    kommune(7, 'pending', { deadline: '2027-04-01' }),
  ];

  it('counts "5 of 7 have decided, 1 said no", with the money committed and the gap', () => {
    expect(summariseKommuneCases(seven, '2027-04-10')).toEqual({
      total: 7,
      decided: 5,
      yes: 3,
      yesWithChanges: 1,
      no: 1,
      notHandled: 0,
      pending: 2,
      overdue: 1,
      shareTotal: 700_000,
      committed: 360_000,
      gap: 340_000,
    });
  });

  it('never shows a negative gap when kommuner commit more than their shares', () => {
    expect(summariseKommuneCases([kommune(1, 'yes', { amountCommitted: 150_000 })], '2027-01-01')).toMatchObject({
      committed: 150_000,
      gap: 0,
    });
    expect(summariseKommuneCases([], '2027-01-01')).toMatchObject({ total: 0, shareTotal: 0, gap: 0 });
  });

  it('takes a plain yes as the share, a changed yes as what it recorded, anything else as nothing', () => {
    expect(committedAmount({ outcome: 'yes', amountCommitted: null, share: 80_000 })).toBe(80_000);
    expect(committedAmount({ outcome: 'yes', amountCommitted: 70_000, share: 80_000 })).toBe(70_000);
    expect(committedAmount({ outcome: 'yes_with_changes', amountCommitted: null, share: 80_000 })).toBe(0);
    expect(committedAmount({ outcome: 'yes_with_changes', amountCommitted: 40_000, share: 80_000 })).toBe(40_000);
    expect(committedAmount({ outcome: 'no', amountCommitted: 40_000, share: 80_000 })).toBe(0);
    expect(committedAmount({ outcome: 'not_handled', amountCommitted: null, share: 80_000 })).toBe(0);
    expect(committedAmount({ outcome: 'pending', amountCommitted: null, share: 80_000 })).toBe(0);
  });

  it('lets those that said no leave', () => {
    expect(leavingKommuneIds(seven)).toEqual(['k5']);
  });

  it('shares the same total among those that go on, by the same rule, adding up exactly', () => {
    const kommuner = [18000, 7900, 5000, 6100, 4600, 7200, 3700].map((population, i) => ({
      id: `k${i + 1}`,
      name: `K${i + 1}`,
      population,
    }));
    const input = { total: 700_001, equalPercent: 50, kommuner };
    const before = shareCosts(input);
    const after = shareAmongContinuing(input, ['k5']);
    expect(after?.rows.map((r) => r.id)).toEqual(['k1', 'k2', 'k3', 'k4', 'k6', 'k7']);
    expect(after?.rows.reduce((s, r) => s + r.amount, 0)).toBe(700_001);
    for (const r of after?.rows ?? []) expect(r.amount).toBeGreaterThan(before.rows.find((b) => b.id === r.id)?.amount ?? Infinity);
    expect(shareAmongContinuing(input, [])).toBeNull();
    expect(
      shareAmongContinuing(
        input,
        kommuner.map((k) => k.id),
      ),
    ).toBeNull();
  });
});

describe('splitConditions', () => {
  it('makes one condition per line, without list marks or blank lines', () => {
    expect(
      splitConditions(
        '1. Finansieringen er bekreftet\n\n- Styringsgruppen er oppnevnt\r\n  • Avtale med Innovasjon Norge \n2) Rapport til regionrådet',
      ),
    ).toEqual(['Finansieringen er bekreftet', 'Styringsgruppen er oppnevnt', 'Avtale med Innovasjon Norge', 'Rapport til regionrådet']);
    expect(splitConditions(null)).toEqual([]);
    expect(splitConditions('  \n ')).toEqual([]);
  });
});

describe('packageChanges', () => {
  const pkg = (over: Partial<GatePackage> = {}): GatePackage => ({
    deliverables: [
      { id: 'd1', key: 'final_report_forstudie', title: 'Sluttrapport', version: 3, state: 'accepted' },
      { id: 'd2', key: 'recommendation', title: 'Anbefaling', version: 2, state: 'accepted' },
    ],
    plan: { snapshotNumber: 1, missing: 0, version: 5 },
    budget: { costs: 1_000_000, financing: 1_000_000 },
    ...over,
  });

  it('lists the deliverables, plan and budget that moved since the last submission', () => {
    const before = pkg();
    const after = pkg({
      deliverables: [
        { ...before.deliverables[0], version: 4 },
        before.deliverables[1],
        { id: 'd3', key: null, title: 'Ny analyse', version: 1, state: 'accepted' },
      ],
      plan: { snapshotNumber: 2, missing: 0, version: 6 },
      budget: { costs: 1_100_000, financing: 1_100_000 },
    });
    expect(packageChanges(before, after)).toEqual([
      { kind: 'deliverable', id: 'd1', title: 'Sluttrapport' },
      { kind: 'deliverable', id: 'd3', title: 'Ny analyse' },
      { kind: 'plan', id: 'plan', title: 'plan' },
      { kind: 'budget', id: 'budget', title: 'budget' },
    ]);
  });

  it('finds nothing when nothing moved, or when there is no earlier submission', () => {
    expect(packageChanges(pkg(), pkg())).toEqual([]);
    expect(packageChanges(null, pkg())).toEqual([]);
    expect(packageChanges(pkg(), null)).toEqual([]);
  });
});
