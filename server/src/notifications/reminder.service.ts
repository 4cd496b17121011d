import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canOnProject,
  conditionReminder,
  deliverableReminder,
  KOMMUNE_DEADLINE_REMINDER_DAYS,
  kommuneDeadlineReminder,
  gateAwaitingReminder,
  IsoDate,
  phaseSpec,
  phaseTooLongReminder,
  ReminderKind,
  statusReportReminder,
  todayInOslo,
  addDays,
  DUE_SOON_DAYS,
  periodOf,
  previousPeriod,
  durationStatus,
  osloHour,
} from '@nvr/shared';
import { DataSource } from 'typeorm';
import { findBenefitsToRemind } from '../benefits/benefit.queries';
import { JobQueue } from '../jobs/job-queue.service';
import { dueBenefits, notRemindedYet, ownerReminders } from './benefit-reminders';
import { NewNotification, NotificationService } from './notification.service';
import {
  type ActiveUserRoleRow,
  findActiveUserRoles,
  findCouncilMembers,
  findDueConditions,
  findDueDeliverables,
  findGatesAwaitingDecision,
  findKommuneContacts,
  findPendingKommuneCases,
  findProjectLeaders,
  findProjectRegions,
  findRemindedBenefits,
  findRunningPhases,
  findStatusReportsDue,
  ReminderProjectRow,
} from './reminder.queries';

export const REMINDER_SCAN_JOB = 'reminders.scan';
/** Reminders go out from this hour (Oslo time), once a day. */
const SCAN_FROM_HOUR = 7;

export type ReminderSummary = Record<ReminderKind, number>;

/**
 * Finds what people should be reminded of today and notifies them (in the app and by e-mail). Each
 * reminder has a once-only key (kind, target, recipient, period), so a scan can run any number of
 * times, from any number of instances, and each reminder still goes out once.
 */
@Injectable()
export class ReminderService implements OnModuleInit {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationService,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.queue.register(REMINDER_SCAN_JOB, async (payload) => {
      const summary = await this.scan(typeof payload.today === 'string' ? payload.today : todayInOslo());
      this.logger.log(`Reminder scan for ${String(payload.today)}: ${JSON.stringify(summary)}`);
    });
    // Once a day from 07:00 Oslo time; the day is the unique key, so several instances enqueue one scan.
    this.queue.schedule({
      kind: REMINDER_SCAN_JOB,
      key: (now) => (osloHour(now) >= SCAN_FROM_HOUR ? `${REMINDER_SCAN_JOB}:${todayInOslo(now)}` : null),
      payload: (now) => ({ today: todayInOslo(now) }),
    });
  }

  /** Runs every kind of reminder for `today`; returns how many notifications each kind created. */
  async scan(today: IsoDate = todayInOslo()): Promise<ReminderSummary> {
    const [deliverables, phases, gates, reports, kommuneCases, conditions, benefits] = [
      await this.deliverableReminders(today),
      await this.phaseReminders(today),
      await this.gateReminders(today),
      await this.statusReportReminders(today),
      await this.kommuneDeadlineReminders(today),
      await this.conditionReminders(today),
      await this.benefitReminders(today),
    ];
    const all = [...deliverables, ...phases, ...gates, ...reports, ...kommuneCases, ...conditions];
    // The benefit reminders are checked per benefit before they are collected per owner.
    const readable = [...(await this.onlyReaders(all)), ...benefits];
    const summary: ReminderSummary = {
      deliverable_due_soon: 0,
      deliverable_overdue: 0,
      phase_too_long: 0,
      gate_awaiting_decision: 0,
      status_report_due: 0,
      kommune_deadline_near: 0,
      condition_due: 0,
      benefit_measurement_due: 0,
    };
    // One transaction per kind keeps locks short; the once-only key makes each insert idempotent.
    for (const kind of Object.keys(summary) as ReminderKind[]) {
      const batch = readable.filter((n) => n.kind === kind);
      if (batch.length) summary[kind] = await this.db.transaction((tx) => this.notifications.notify(tx, batch));
    }
    return summary;
  }

  /** Deliverables due within a week or overdue: to the owner, else the project leader. */
  private async deliverableReminders(today: IsoDate): Promise<(NewNotification & { fallbackRecipientId: string | null })[]> {
    const rows = await findDueDeliverables(this.db, addDays(today, DUE_SOON_DAYS));
    return rows.flatMap((d) => {
      const decision = deliverableReminder({ dueDate: d.due_date, state: d.state }, today);
      const recipientId = d.owner_user_id ?? d.leader_id;
      if (!decision || !recipientId) return [];
      return [
        {
          kind: decision.kind === 'deliverable_overdue' ? ('deliverable_overdue' as const) : ('deliverable_due_soon' as const),
          period: decision.period,
          recipientId,
          fallbackRecipientId: d.owner_user_id ? d.leader_id : null,
          projectId: d.project_id,
          targetType: 'deliverable',
          targetId: d.id,
          link: `/prosjekter/${d.project_id}/leveranser/${d.id}`,
          params: { dueDate: d.due_date, deliverableTitle: d.title, projectName: d.project_name },
        },
      ];
    });
  }

  /** Phases in progress past their recommended length: to the project leader and the regionråd. */
  private async phaseReminders(today: IsoDate): Promise<NewNotification[]> {
    const rows = await findRunningPhases(this.db);
    const due = rows.flatMap((ph) => {
      const decision = phaseTooLongReminder({ key: ph.phase_key, actualStart: ph.actual_start }, today);
      return decision ? [{ ph, decision }] : [];
    });
    const recipients = await this.leadersAndCouncils(due.map((x) => x.ph));
    return due.flatMap(({ ph, decision }) => {
      const spec = phaseSpec(ph.phase_key);
      const months = durationStatus(spec, ph.actual_start, today).months ?? 0;
      return recipients(ph, ['leader', 'council']).map((recipientId) => ({
        kind: 'phase_too_long' as const,
        period: decision.period,
        recipientId,
        projectId: ph.project_id,
        targetType: 'phase',
        targetId: ph.id,
        link: `/prosjekter/${ph.project_id}`,
        params: {
          phaseKey: ph.phase_key,
          months,
          min: spec.recommendedMonths?.min ?? null,
          max: spec.recommendedMonths?.max ?? null,
          projectName: ph.project_name,
        },
      }));
    });
  }

  /** Gates waiting for decision: to the secretariat (every regionråd account of the region), once a week. */
  private async gateReminders(today: IsoDate): Promise<NewNotification[]> {
    const rows = await findGatesAwaitingDecision(this.db);
    const recipients = await this.leadersAndCouncils(rows);
    const decision = gateAwaitingReminder(today);
    return rows.flatMap((g) => {
      const submitted = todayInOslo(new Date(g.submitted_at));
      return recipients(g, ['council']).map((recipientId) => ({
        kind: 'gate_awaiting_decision' as const,
        period: decision.period,
        recipientId,
        projectId: g.project_id,
        targetType: 'gate',
        targetId: g.submission_id,
        link: `/prosjekter/${g.project_id}/faser/${g.phase_key}/beslutning`,
        params: { phaseKey: g.phase_key, submittedOn: submitted, bodyName: g.body_name, projectName: g.project_name },
      }));
    });
  }

  /** Last month's status report not published by the 5th: to the project leader. */
  private async statusReportReminders(today: IsoDate): Promise<NewNotification[]> {
    const due = previousPeriod(periodOf(today));
    const rows = await findStatusReportsDue(this.db, due);
    const recipients = await this.leadersAndCouncils(rows);
    return rows.flatMap((p) => {
      const decision = statusReportReminder({ publishedPeriods: p.has_report ? [due] : [], runningSince: p.running_since }, today);
      if (!decision) return [];
      return recipients(p, ['leader']).map((recipientId) => ({
        kind: 'status_report_due' as const,
        period: decision.period,
        recipientId,
        projectId: p.project_id,
        targetType: 'project',
        targetId: p.project_id,
        link: `/prosjekter/${p.project_id}`,
        params: { period: decision.period, projectName: p.project_name },
      }));
    });
  }

  /**
   * Kommunestyre cases still pending near their deadline (or past it): to that kommune's contacts, the
   * region-wide kommune contacts and the secretariat, who record the decision.
   */
  private async kommuneDeadlineReminders(today: IsoDate): Promise<NewNotification[]> {
    const rows = await findPendingKommuneCases(this.db, addDays(today, KOMMUNE_DEADLINE_REMINDER_DAYS));
    const recipients = await this.leadersAndCouncils(rows);
    return rows.flatMap((c) => {
      const decision = kommuneDeadlineReminder({ deadline: c.deadline, outcome: 'pending' }, today);
      if (!decision) return [];
      const overdue = decision.period === 'overdue';
      return recipients(c, ['kommune_contact', 'council'], c.kommune_id).map((recipientId) => ({
        kind: 'kommune_deadline_near' as const,
        period: decision.period,
        recipientId,
        projectId: c.project_id,
        targetType: 'kommune_case',
        targetId: c.id,
        link: `/prosjekter/${c.project_id}/faser/${c.phase_key}/beslutning`,
        params: { phaseKey: c.phase_key, deadline: c.deadline, kommuneName: c.kommune_name, overdue, projectName: c.project_name },
      }));
    });
  }

  /** Open conditions due within a week or overdue: to the condition's owner, else the project leader. */
  private async conditionReminders(today: IsoDate): Promise<(NewNotification & { fallbackRecipientId: string | null })[]> {
    const rows = await findDueConditions(this.db, addDays(today, DUE_SOON_DAYS));
    return rows.flatMap((c) => {
      const decision = conditionReminder({ dueDate: c.due_date, state: c.state }, today);
      const recipientId = c.owner_user_id ?? c.leader_id;
      if (!decision || !recipientId) return [];
      const overdue = c.due_date < today;
      return [
        {
          kind: 'condition_due' as const,
          period: decision.period,
          recipientId,
          fallbackRecipientId: c.owner_user_id ? c.leader_id : null,
          projectId: c.project_id,
          targetType: 'gate_condition',
          targetId: c.id,
          link: `/prosjekter/${c.project_id}/faser/${c.phase_key}/beslutning`,
          params: { dueDate: c.due_date, conditionText: c.text, phaseKey: c.phase_key, overdue, projectName: c.project_name },
        },
      ];
    });
  }

  /**
   * The yearly reminder to the benefits' owners (also after the project has ended): one notification per
   * owner naming each benefit of theirs that is due (an open indicator has gone a year without a
   * measurement), that they may read, and that they have not been reminded of this year; a benefit that
   * falls due later in the year gets a reminder of its own then.
   */
  private async benefitReminders(today: IsoDate): Promise<NewNotification[]> {
    const due = dueBenefits(await findBenefitsToRemind(this.db), today);
    if (!due.length) return [];
    const fresh = notRemindedYet(due, await findRemindedBenefits(this.db, [...new Set(due.map((b) => b.period))]));
    const mayRead = await this.readers(
      fresh.map((b) => b.ownerId),
      fresh.map((b) => b.projectId),
    );
    return ownerReminders(fresh.filter((b) => mayRead(b.ownerId, b.projectId)));
  }

  /**
   * Looks up the project leaders, regionråd members and kommune contacts of some projects in three queries;
   * given a kommune, only its own contacts and the region-wide ones.
   */
  private async leadersAndCouncils(
    projects: readonly ReminderProjectRow[],
  ): Promise<(p: ReminderProjectRow, who: ('leader' | 'council' | 'kommune_contact')[], kommuneId?: string) => string[]> {
    if (!projects.length) return () => [];
    const projectIds = [...new Set(projects.map((p) => p.project_id))];
    const regionIds = [...new Set(projects.map((p) => p.region_id))];
    const [leaders, councils, contacts] = await Promise.all([
      findProjectLeaders(this.db, projectIds),
      findCouncilMembers(this.db, regionIds),
      findKommuneContacts(this.db, regionIds),
    ]);
    return (p, who, kommuneId) => [
      ...new Set([
        ...(who.includes('leader') ? leaders.filter((l) => l.project_id === p.project_id).map((l) => l.user_id) : []),
        ...(who.includes('council') ? councils.filter((c) => c.region_id === p.region_id).map((c) => c.user_id) : []),
        ...(who.includes('kommune_contact')
          ? contacts
              .filter((c) => c.region_id === p.region_id && (!c.kommune_id || !kommuneId || c.kommune_id === kommuneId))
              .map((c) => c.user_id)
          : []),
      ]),
    ];
  }

  /**
   * Keeps the reminders whose recipient is active and may read the project. A deliverable whose owner
   * may not (or is gone) goes to the project leader instead.
   */
  private async onlyReaders(items: readonly (NewNotification & { fallbackRecipientId?: string | null })[]): Promise<NewNotification[]> {
    const mayRead = await this.readers(
      items.flatMap((n) => [n.recipientId, n.fallbackRecipientId ?? null]),
      items.map((n) => n.projectId),
    );
    return items.flatMap(({ fallbackRecipientId, ...n }) => {
      if (mayRead(n.recipientId, n.projectId)) return [n];
      if (fallbackRecipientId && mayRead(fallbackRecipientId, n.projectId)) return [{ ...n, recipientId: fallbackRecipientId }];
      return [];
    });
  }

  /** Whether each of some people is active and may read each of some projects, read in two queries. */
  private async readers(
    people: readonly (string | null)[],
    projects: readonly (string | null)[],
  ): Promise<(userId: string | null | undefined, projectId: string | null) => boolean> {
    const userIds = [...new Set(people.filter((id): id is string => !!id))];
    const projectIds = [...new Set(projects.filter((id): id is string => !!id))];
    if (!userIds.length) return () => false;
    const [roleRows, projectRows] = await Promise.all([findActiveUserRoles(this.db, userIds), findProjectRegions(this.db, projectIds)]);
    const roles = new Map<string, ActiveUserRoleRow[]>();
    for (const r of roleRows) roles.set(r.userId, [...(roles.get(r.userId) ?? []), r]);
    const regions = new Map(projectRows.map((p) => [p.id, p]));
    return (userId, projectId) => {
      const project = projectId ? regions.get(projectId) : undefined;
      return !!userId && !!project && canOnProject(roles.get(userId) ?? [], project, 'read');
    };
  }
}
