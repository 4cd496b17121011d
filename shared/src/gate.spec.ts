import { deliverableInPackage, draftProposedDecision, evaluateReadiness, formatKroner, ReadinessInput } from './gate';
import { phaseSpec } from './plp';

describe('the gate package', () => {
  const spec = phaseSpec('forstudie');
  const base = (over: Partial<ReadinessInput> = {}): ReadinessInput => ({
    phaseKey: 'forstudie',
    phaseState: 'in_progress',
    deliverables: spec.deliverables.map((d, i) => ({
      id: `d${i}`,
      key: d.key,
      required: true,
      state: 'draft' as const,
      notRequiredReason: null,
      filled: true,
    })),
    checkpoints: spec.checkpoints.map((c) => ({ key: c.key, checked: true })),
    nextPlan: { missing: 0, total: 9 },
    actualStart: '2024-01-01',
    today: '2024-08-01',
    ...over,
  });
  const planLine = (input: ReadinessInput) => evaluateReadiness(input).items.find((i) => i.kind === 'next_phase_plan');

  it('takes drafts with text or a file, submitted and accepted deliverables; never a returned one', () => {
    const d = { id: 'd', key: 'x', required: true, notRequiredReason: null };
    expect(deliverableInPackage({ ...d, state: 'draft', filled: true })).toBe(true);
    expect(deliverableInPackage({ ...d, state: 'draft', filled: false })).toBe(false);
    expect(deliverableInPackage({ ...d, state: 'draft' })).toBe(false);
    expect(deliverableInPackage({ ...d, state: 'submitted' })).toBe(true);
    expect(deliverableInPackage({ ...d, state: 'accepted' })).toBe(true);
    expect(deliverableInPackage({ ...d, state: 'returned', filled: true })).toBe(false);
    expect(deliverableInPackage({ ...d, state: 'not_required', notRequiredReason: 'Dekkes' })).toBe(true);
    expect(deliverableInPackage({ ...d, state: 'not_required', notRequiredReason: '  ' })).toBe(false);
    expect(evaluateReadiness(base()).ready).toBe(true);
  });

  it('judges the next phase’s plan by its completeness in the editor, not by the plan deliverable’s text box', () => {
    expect(planLine(base())).toMatchObject({ status: 'ok', params: { missing: 0, total: 9, state: 'draft' } });
    const incomplete = base({ nextPlan: { missing: 3, total: 9 } });
    expect(planLine(incomplete)).toMatchObject({ status: 'missing', params: { missing: 3, total: 9 } });
    expect(evaluateReadiness(incomplete).ready).toBe(false);
    expect(planLine(base({ nextPlan: null }))?.status).toBe('missing');
    // An empty text box in the plan deliverable does not matter…
    const emptyBox = base();
    const i = emptyBox.deliverables.findIndex((d) => d.key === 'plan_forprosjekt');
    emptyBox.deliverables[i] = { ...emptyBox.deliverables[i], filled: false };
    expect(planLine(emptyBox)?.status).toBe('ok');
    // …but a plan the owner returned must be revised and submitted again.
    emptyBox.deliverables[i] = { ...emptyBox.deliverables[i], state: 'returned' };
    expect(planLine(emptyBox)?.status).toBe('missing');
  });

  it('falls back to the plan deliverable’s state when the plan’s completeness is not given', () => {
    const old = base({ nextPlan: undefined });
    expect(planLine(old)?.status).toBe('missing');
    const i = old.deliverables.findIndex((d) => d.key === 'plan_forprosjekt');
    old.deliverables[i] = { ...old.deliverables[i], state: 'submitted' };
    expect(planLine(old)).toMatchObject({ status: 'ok', params: { state: 'submitted' } });
  });

  it('blocks the gate on each open condition followed up in the phase', () => {
    const r = evaluateReadiness(
      base({
        conditions: [
          { id: 'c1', text: 'Finansiering bekreftet', dueDate: '2024-06-01', state: 'open' },
          { id: 'c2', text: 'Styringsgruppe utvidet', dueDate: null, state: 'met' },
          { id: 'c3', text: 'Frafalt', dueDate: null, state: 'waived' },
        ],
      }),
    );
    expect(r.ready).toBe(false);
    expect(r.items.filter((i) => i.kind === 'condition')).toEqual([
      {
        kind: 'condition',
        key: 'c1',
        status: 'missing',
        blocking: true,
        params: { text: 'Finansiering bekreftet', dueDate: '2024-06-01' },
      },
    ]);
  });
});

describe('draftProposedDecision', () => {
  it('drafts the forslag til vedtak from the package, in bokmål', () => {
    expect(
      draftProposedDecision({
        bodyName: 'Regionrådet',
        phaseKey: 'forstudie',
        nextPhaseKey: 'forprosjekt',
        costs: 1250000,
        kommunerContribution: 300000,
      }),
    ).toBe(
      'Regionrådet godkjenner sluttrapporten for forstudien og vedtar oppstart av forprosjekt i tråd med prosjektplanen, med en kostnadsramme på 1\u00a0250\u00a0000\u00a0kr. Kommunenes andel fordeles etter vedtatt fordelingsnøkkel.',
    );
  });
  it('leaves out the cost frame without costs and the cost-sharing sentence without a kommune contribution', () => {
    expect(
      draftProposedDecision({
        bodyName: 'Styret',
        phaseKey: 'forprosjekt',
        nextPhaseKey: 'hovedprosjekt',
        costs: 0,
        kommunerContribution: 0,
      }),
    ).toBe('Styret godkjenner sluttrapporten for forprosjektet og vedtar oppstart av hovedprosjekt i tråd med prosjektplanen.');
  });
  it('ends the project at the last gate', () => {
    expect(
      draftProposedDecision({ bodyName: ' ', phaseKey: 'hovedprosjekt', nextPhaseKey: null, costs: null, kommunerContribution: 0 }),
    ).toBe('Regionrådet godkjenner sluttrapporten for hovedprosjektet og avslutter prosjektet.');
  });
  it('writes kroner with groups of three', () => {
    expect(formatKroner(400000)).toBe('400\u00a0000\u00a0kr');
    expect(formatKroner(999)).toBe('999\u00a0kr');
    expect(formatKroner(-1500)).toBe('−1\u00a0500\u00a0kr');
  });
});
