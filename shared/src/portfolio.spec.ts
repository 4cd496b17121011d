import { durationReading, isOverdue, WaitingCase, waitingOn } from './portfolio';

describe('overdue deliverables', () => {
  it('are past their due date and neither accepted nor not required', () => {
    expect(isOverdue({ dueDate: '2026-11-22', state: 'draft' }, '2026-11-23')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-22', state: 'submitted' }, '2026-11-23')).toBe(true);
    expect(isOverdue({ dueDate: '2026-11-23', state: 'draft' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-01', state: 'accepted' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ dueDate: '2026-11-01', state: 'not_required' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ dueDate: null, state: 'draft' }, '2026-11-23')).toBe(false);
  });
});

describe('what a project waits on', () => {
  const project = {
    status: 'active' as const,
    phaseState: 'awaiting_decision' as const,
    phaseStartedOn: '2026-01-10',
    leaderName: 'Pia Prosjektleder',
    councilName: 'Glåmdal regionråd',
  };
  const atCase = (extra: Partial<WaitingCase> = {}): WaitingCase => ({
    submittedOn: '2026-03-15',
    bodyName: 'Rådmannsgruppen',
    bodyDecides: false,
    bodySince: '2026-03-20',
    kommunerPending: 7,
    ...extra,
  });

  it('waits on the body holding the case, since the body before it handled it (or the submission)', () => {
    expect(waitingOn({ ...project, pendingCase: atCase() })).toEqual({ kind: 'body', name: 'Rådmannsgruppen', since: '2026-03-20' });
    expect(waitingOn({ ...project, pendingCase: atCase({ bodyName: 'Styringsgruppen', bodySince: null }) })).toEqual({
      kind: 'body',
      name: 'Styringsgruppen',
      since: '2026-03-15',
    });
  });

  it('waits on the kommunestyrer once the case is at the deciding body and some have not decided', () => {
    const atDecider = atCase({ bodyName: 'Regionrådet', bodyDecides: true, bodySince: '2026-03-26' });
    expect(waitingOn({ ...project, pendingCase: atDecider })).toEqual({ kind: 'kommuner', name: null, since: '2026-03-15' });
    expect(waitingOn({ ...project, pendingCase: { ...atDecider, kommunerPending: 0 } })).toEqual({
      kind: 'body',
      name: 'Regionrådet',
      since: '2026-03-26',
    });
    // Without a route the council decides.
    expect(waitingOn({ ...project, pendingCase: atCase({ bodyName: null, bodySince: null, kommunerPending: 0 }) })).toEqual({
      kind: 'body',
      name: 'Glåmdal regionråd',
      since: '2026-03-15',
    });
    expect(waitingOn({ ...project, pendingCase: null })).toEqual({ kind: 'body', name: 'Glåmdal regionråd', since: null });
  });

  it('waits on the leader while a phase is worked on, and on no one once the project has ended', () => {
    expect(waitingOn({ ...project, phaseState: 'in_progress', pendingCase: null })).toEqual({
      kind: 'leader',
      name: 'Pia Prosjektleder',
      since: '2026-01-10',
    });
    expect(waitingOn({ ...project, phaseState: null, leaderName: null, pendingCase: null })).toEqual({
      kind: 'leader',
      name: null,
      since: null,
    });
    for (const status of ['completed', 'stopped'] as const) {
      expect(waitingOn({ ...project, status, pendingCase: atCase() })).toEqual({ kind: 'none', name: null, since: null });
    }
  });
});

describe('how a phase length reads', () => {
  it('is under way while the phase runs short of the minimum; short only once its work is done; long at once', () => {
    expect(durationReading('short', 'in_progress')).toBe('under_way');
    expect(durationReading('short', 'awaiting_decision')).toBe('short');
    expect(durationReading('short', 'completed')).toBe('short');
    expect(durationReading('long', 'in_progress')).toBe('long');
    expect(durationReading('within', 'in_progress')).toBe('within');
    expect(durationReading('unknown', null)).toBe('unknown');
  });
});
