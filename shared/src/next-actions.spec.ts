import type { RoleAssignment } from './access';
import { nextActions, ProjectForActions } from './next-actions';

describe('nextActions after a gate decision', () => {
  const leader: RoleAssignment[] = [{ role: 'project_leader', regionId: 'r1', projectId: 'p1' }];
  const raad: RoleAssignment[] = [{ role: 'regionraad', regionId: 'r1', projectId: null }];
  const project = (over: Partial<NonNullable<ProjectForActions['currentPhase']>> = {}): ProjectForActions => ({
    id: 'p1',
    regionId: 'r1',
    status: 'active',
    currentPhase: {
      key: 'forstudie',
      state: 'in_progress',
      ready: false,
      deliverables: [
        { id: 'd1', key: 'recommendation', state: 'returned', reviewComment: 'Anbefalingen må konkretiseres.' },
        { id: 'd2', key: 'final_report_forstudie', state: 'accepted' },
      ],
      uncheckedCheckpoints: [],
      ...over,
    },
  });

  it('lists what a send-back reopened, with the decision text as the task', () => {
    const actions = nextActions(
      project({
        sentBack: { decisionText: 'Anbefalingen må konkretiseres.', planSections: ['goals'], budget: true, nextPhaseKey: 'forprosjekt' },
      }),
      leader,
    );
    expect(actions).toEqual([
      {
        kind: 'revise_deliverable',
        phaseKey: 'forstudie',
        deliverableId: 'd1',
        key: 'recommendation',
        task: 'Anbefalingen må konkretiseres.',
      },
      { kind: 'revise_plan', phaseKey: 'forprosjekt', key: 'goals', task: 'Anbefalingen må konkretiseres.' },
      { kind: 'revise_budget', phaseKey: 'forprosjekt', task: 'Anbefalingen må konkretiseres.' },
    ]);
  });

  it('lists open conditions by due date (those without one last) for the project, not for the regionråd', () => {
    const p = project({
      deliverables: [],
      openConditions: [
        { id: 'c1', text: 'Uten frist', dueDate: null },
        { id: 'c2', text: 'Senere', dueDate: '2027-06-01' },
        { id: 'c3', text: 'Først', dueDate: '2027-03-01' },
      ],
    });
    expect(nextActions(p, leader).map((a) => [a.kind, a.conditionId, a.dueDate])).toEqual([
      ['meet_condition', 'c3', '2027-03-01'],
      ['meet_condition', 'c2', '2027-06-01'],
      ['meet_condition', 'c1', null],
    ]);
    expect(nextActions(p, leader)[0]).toMatchObject({ task: 'Først', phaseKey: 'forstudie' });
    expect(nextActions(p, raad).some((a) => a.kind === 'meet_condition')).toBe(false);
  });

  it('asks for nothing to be reworked once the phase waits for a decision again', () => {
    const p = project({
      state: 'awaiting_decision',
      sentBack: null,
      openConditions: [],
      deliverables: [{ id: 'd1', key: 'recommendation', state: 'submitted' }],
    });
    expect(nextActions(p, leader)).toEqual([{ kind: 'await_decision', phaseKey: 'forstudie' }]);
  });
});
