import { benefitReminder, type DueBenefit, type IsoDate } from '@nvr/shared';
import type { BenefitReminderRow } from '../benefits/benefit.queries';
import type { NewNotification } from './notification.service';
import type { RemindedBenefitRow } from './reminder.queries';

/** A benefit whose yearly reminder is due now, to its owner. */
export interface BenefitDue extends DueBenefit {
  ownerId: string;
  projectId: string;
  regionId: string;
  /** The reminder's period: the year. */
  period: string;
}

/**
 * The benefits due for the yearly reminder today (shared benefitReminder: an open indicator has gone a
 * year without a measurement), each with the date of its latest measurement.
 */
export function dueBenefits(rows: readonly BenefitReminderRow[], today: IsoDate): BenefitDue[] {
  return rows.flatMap((b) => {
    const decision = benefitReminder(
      b.indicators.map((i) => ({ closed: false, startDate: i.startDate, lastMeasuredOn: i.lastMeasuredOn })),
      today,
    );
    if (!decision) return [];
    const lastMeasuredOn = b.indicators.reduce<string | null>(
      (last, i) => (i.lastMeasuredOn !== null && (last === null || i.lastMeasuredOn > last) ? i.lastMeasuredOn : last),
      null,
    );
    return [
      {
        id: b.id,
        title: b.title,
        projectName: b.project_name,
        lastMeasuredOn,
        ownerId: b.owner_id,
        projectId: b.project_id,
        regionId: b.region_id,
        period: decision.period,
      },
    ];
  });
}

/** Leaves out the benefits their owner has been reminded of in the period already: once per benefit a year. */
export function notRemindedYet(due: readonly BenefitDue[], reminded: readonly RemindedBenefitRow[]): BenefitDue[] {
  const done = new Set(reminded.map((r) => `${r.recipient_id}|${r.benefit_id}|${r.period}`));
  return due.filter((b) => !done.has(`${b.ownerId}|${b.id}|${b.period}`));
}

/**
 * One reminder per owner naming all their due benefits, in the order given. Its once-only key is the
 * first benefit it names, which no earlier reminder of the period named: two scans at the same time
 * find the same benefits and make the same key, so the owner hears once. It points to the project's
 * benefits when they are all of one project, else to the region's.
 */
export function ownerReminders(due: readonly BenefitDue[]): NewNotification[] {
  const byOwner = new Map<string, BenefitDue[]>();
  for (const b of due) {
    const key = `${b.ownerId}|${b.period}`;
    byOwner.set(key, [...(byOwner.get(key) ?? []), b]);
  }
  return [...byOwner.values()].map((benefits) => {
    const [first] = benefits;
    const oneProject = benefits.every((b) => b.projectId === first.projectId);
    return {
      kind: 'benefit_measurement_due' as const,
      period: first.period,
      recipientId: first.ownerId,
      projectId: oneProject ? first.projectId : null,
      targetType: 'benefit',
      targetId: first.id,
      link: oneProject ? `/prosjekter/${first.projectId}/gevinster` : `/regioner/${first.regionId}/gevinster`,
      params: {
        benefits: benefits.map((b) => ({ id: b.id, title: b.title, projectName: b.projectName, lastMeasuredOn: b.lastMeasuredOn })),
      },
    };
  });
}
