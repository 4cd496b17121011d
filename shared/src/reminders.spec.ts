import {
  addDays,
  conditionReminder,
  deliverableReminder,
  gateAwaitingReminder,
  isoWeek,
  kommuneDeadlineReminder,
  NOTIFICATION_KINDS,
  phaseTooLongReminder,
  REMINDER_KINDS,
  statusReportReminder,
} from './reminders';

describe('reminder rules', () => {
  const today = '2026-11-23';

  it('counts days and ISO weeks across month and year ends', () => {
    expect(addDays('2026-11-28', 7)).toBe('2026-12-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  it('reminds of a deliverable due within a week once per due date, and of an overdue one once a week', () => {
    expect(deliverableReminder({ dueDate: '2026-11-30', state: 'draft' }, today)).toEqual({
      kind: 'deliverable_due_soon',
      period: '2026-11-30',
    });
    expect(deliverableReminder({ dueDate: '2026-12-01', state: 'draft' }, today)).toBeNull();
    expect(deliverableReminder({ dueDate: '2026-11-23', state: 'returned' }, today)).toEqual({
      kind: 'deliverable_due_soon',
      period: '2026-11-23',
    });
    expect(deliverableReminder({ dueDate: '2026-11-20', state: 'draft' }, today)).toEqual({
      kind: 'deliverable_overdue',
      period: '2026-W48',
    });
    expect(deliverableReminder({ dueDate: '2026-11-20', state: 'submitted' }, today)).toBeNull();
    expect(deliverableReminder({ dueDate: '2026-11-20', state: 'accepted' }, today)).toBeNull();
    expect(deliverableReminder({ dueDate: '2026-11-20', state: 'not_required' }, today)).toBeNull();
    expect(deliverableReminder({ dueDate: null, state: 'draft' }, today)).toBeNull();
  });

  it('reminds of a phase past its recommended length once a month; the hovedprosjekt has no such length', () => {
    expect(phaseTooLongReminder({ key: 'forstudie', actualStart: '2026-01-10' }, today)).toEqual({
      kind: 'phase_too_long',
      period: '2026-11',
    });
    expect(phaseTooLongReminder({ key: 'forstudie', actualStart: '2026-03-01' }, today)).toBeNull();
    expect(phaseTooLongReminder({ key: 'hovedprosjekt', actualStart: '2020-01-01' }, today)).toBeNull();
    expect(phaseTooLongReminder({ key: 'forprosjekt', actualStart: null }, today)).toBeNull();
  });

  it('reminds of a gate waiting for decision once a week', () => {
    expect(gateAwaitingReminder(today)).toEqual({ kind: 'gate_awaiting_decision', period: '2026-W48' });
  });

  it('asks for last month’s status report from the 5th, unless it is published or the project had not begun', () => {
    const running = { publishedPeriods: ['2026-09'], runningSince: '2026-03-10' };
    expect(statusReportReminder(running, '2026-11-04')).toBeNull();
    expect(statusReportReminder(running, '2026-11-05')).toEqual({ kind: 'status_report_due', period: '2026-10' });
    expect(statusReportReminder({ ...running, publishedPeriods: ['2026-10'] }, today)).toBeNull();
    expect(statusReportReminder({ publishedPeriods: [], runningSince: '2026-11-02' }, today)).toBeNull();
    expect(statusReportReminder({ publishedPeriods: [], runningSince: '2026-10-31' }, today)).toEqual({
      kind: 'status_report_due',
      period: '2026-10',
    });
    expect(statusReportReminder({ publishedPeriods: [], runningSince: '2026-12-31' }, '2027-01-05')).toEqual({
      kind: 'status_report_due',
      period: '2026-12',
    });
  });

  it('reminds the kommuner of a pending kommunestyre case weekly from 14 days before its deadline, and once when it has passed', () => {
    const pending = (deadline: string) => kommuneDeadlineReminder({ deadline, outcome: 'pending' }, today);
    expect(pending('2026-12-08')).toBeNull();
    expect(pending('2026-12-07')).toEqual({ kind: 'kommune_deadline_near', period: '2026-W48' });
    expect(pending('2026-11-23')).toEqual({ kind: 'kommune_deadline_near', period: '2026-W48' });
    expect(kommuneDeadlineReminder({ deadline: '2026-12-07', outcome: 'pending' }, '2026-11-30')).toEqual({
      kind: 'kommune_deadline_near',
      period: '2026-W49',
    });
    expect(pending('2026-11-22')).toEqual({ kind: 'kommune_deadline_near', period: 'overdue' });
    for (const outcome of ['yes', 'yes_with_changes', 'no', 'not_handled'] as const) {
      expect(kommuneDeadlineReminder({ deadline: '2026-11-25', outcome }, today)).toBeNull();
    }
  });

  it('reminds of an open condition once per due date when due within a week, and weekly when overdue', () => {
    expect(conditionReminder({ dueDate: '2026-11-30', state: 'open' }, today)).toEqual({ kind: 'condition_due', period: '2026-11-30' });
    expect(conditionReminder({ dueDate: '2026-12-01', state: 'open' }, today)).toBeNull();
    expect(conditionReminder({ dueDate: '2026-11-22', state: 'open' }, today)).toEqual({ kind: 'condition_due', period: '2026-W48' });
    expect(conditionReminder({ dueDate: '2026-11-22', state: 'met' }, today)).toBeNull();
    expect(conditionReminder({ dueDate: '2026-11-22', state: 'waived' }, today)).toBeNull();
    expect(conditionReminder({ dueDate: null, state: 'open' }, today)).toBeNull();
  });

  it('lists every reminder kind among the notification kinds, once', () => {
    for (const kind of REMINDER_KINDS) expect(NOTIFICATION_KINDS).toContain(kind);
    expect(new Set(NOTIFICATION_KINDS).size).toBe(NOTIFICATION_KINDS.length);
  });
});
