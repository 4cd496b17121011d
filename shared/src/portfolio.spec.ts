import { filterPortfolio, isOverdue, PortfolioRowFacts, sortPortfolio, WaitingCase, waitingOn } from './portfolio';

const row = (name: string, extra: Partial<PortfolioRowFacts> = {}): PortfolioRowFacts => ({
  name,
  regionId: 'r1',
  regionName: 'Kongsbergregionen',
  counties: ['Buskerud'],
  status: 'active',
  currentPhaseKey: 'forstudie',
  currentPhaseState: 'in_progress',
  monthsInPhase: 3,
  durationStatus: 'short',
  overdueDeliverables: 0,
  nextGate: { phaseKey: 'forstudie', expectedDate: '2027-01-31' },
  ...extra,
});

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

describe('portfolio filters and sorting', () => {
  const rows = [
    row('Ålesund vekst', {
      regionId: 'r2',
      regionName: 'Sunnmøre',
      counties: ['Møre og Romsdal'],
      currentPhaseKey: 'forprosjekt',
      monthsInPhase: 11,
      overdueDeliverables: 2,
      nextGate: { phaseKey: 'forprosjekt', expectedDate: '2026-12-31' },
    }),
    row('Bø i farta', {
      counties: ['Telemark', 'Buskerud'],
      monthsInPhase: 8,
      overdueDeliverables: 5,
      nextGate: { phaseKey: 'forstudie', expectedDate: null },
    }),
    row('Avsluttet', { status: 'completed', currentPhaseKey: null, currentPhaseState: null, monthsInPhase: null, nextGate: null }),
    row('Ås næring', { currentPhaseState: 'awaiting_decision', monthsInPhase: 3 }),
  ];
  const names = (rs: PortfolioRowFacts[]) => rs.map((r) => r.name);

  it('filters by county (any participating kommune), region, phase and status', () => {
    expect(names(filterPortfolio(rows, { county: 'Telemark' }))).toEqual(['Bø i farta']);
    expect(names(filterPortfolio(rows, { county: 'Buskerud', status: 'active' }))).toEqual(['Bø i farta', 'Ås næring']);
    expect(names(filterPortfolio(rows, { regionId: 'r2' }))).toEqual(['Ålesund vekst']);
    expect(names(filterPortfolio(rows, { phase: 'forprosjekt' }))).toEqual(['Ålesund vekst']);
    expect(names(filterPortfolio(rows, { status: 'completed' }))).toEqual(['Avsluttet']);
    expect(filterPortfolio(rows, {})).toHaveLength(4);
  });

  it('sorts names the Norwegian way (æ, ø, å last)', () => {
    expect(names(sortPortfolio(rows, 'name'))).toEqual(['Avsluttet', 'Bø i farta', 'Ålesund vekst', 'Ås næring']);
    expect(names(sortPortfolio(rows, 'name', 'desc'))).toEqual(['Ås næring', 'Ålesund vekst', 'Bø i farta', 'Avsluttet']);
  });

  it('sorts by numbers and dates either way, with missing values last', () => {
    expect(names(sortPortfolio(rows, 'overdue', 'desc'))).toEqual(['Bø i farta', 'Ålesund vekst', 'Avsluttet', 'Ås næring']);
    expect(names(sortPortfolio(rows, 'monthsInPhase', 'asc'))).toEqual(['Ås næring', 'Bø i farta', 'Ålesund vekst', 'Avsluttet']);
    expect(names(sortPortfolio(rows, 'monthsInPhase', 'desc'))).toEqual(['Ålesund vekst', 'Bø i farta', 'Ås næring', 'Avsluttet']);
    expect(names(sortPortfolio(rows, 'nextGateDate', 'asc'))).toEqual(['Ålesund vekst', 'Ås næring', 'Avsluttet', 'Bø i farta']);
    expect(names(sortPortfolio(rows, 'phase', 'asc'))).toEqual(['Bø i farta', 'Ås næring', 'Ålesund vekst', 'Avsluttet']);
    expect(names(sortPortfolio(rows, 'region', 'desc'))[0]).toBe('Ålesund vekst');
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
