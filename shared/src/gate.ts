import type { IsoDate } from './dates';
import { DeliverableState, durationStatus, PhaseKey, phaseSpec, PhaseState } from './plp';

export type ReadinessKind = 'deliverable' | 'next_phase_plan' | 'checkpoint' | 'duration' | 'budget';

/** One line of a gate's readiness checklist. `blocking` lines must be ok before the phase can be submitted. */
export interface ReadinessItem {
  kind: ReadinessKind;
  /** Deliverable key, checkpoint key, or the kind itself. */
  key: string;
  status: 'ok' | 'missing' | 'warning';
  blocking: boolean;
  deliverableId?: string;
  /** Facts for the message, e.g. the deliverable's state or the months spent. */
  params?: Record<string, string | number | null>;
}

export interface ReadinessInput {
  phaseKey: PhaseKey;
  phaseState: PhaseState;
  deliverables: { id: string; key: string | null; required: boolean; state: DeliverableState; notRequiredReason: string | null }[];
  checkpoints: { key: string; checked: boolean }[];
  actualStart: IsoDate | null;
  today: IsoDate;
  /** Lines other features add (e.g. the budget must balance). */
  extra?: ReadinessItem[];
}

export interface Readiness {
  ready: boolean;
  items: ReadinessItem[];
}

/**
 * The server's verdict on whether a phase may go to the regionråd: every required deliverable accepted
 * (or marked not required with a reason), the plan for the next phase accepted, every checkpoint ticked.
 * A phase longer or shorter than recommended is a warning only.
 */
export function evaluateReadiness(input: ReadinessInput): Readiness {
  const spec = phaseSpec(input.phaseKey);
  const items: ReadinessItem[] = [];
  const planSpec = spec.deliverables.find((d) => d.nextPhasePlan);
  // The plan for the next phase has its own line below.
  for (const d of input.deliverables.filter((x) => x.required && x.key !== planSpec?.key)) {
    const ok = d.state === 'accepted' || (d.state === 'not_required' && !!d.notRequiredReason?.trim());
    items.push({
      kind: 'deliverable',
      key: d.key ?? d.id,
      deliverableId: d.id,
      status: ok ? 'ok' : 'missing',
      blocking: true,
      params: { state: d.state },
    });
  }
  if (planSpec) {
    const plan = input.deliverables.find((d) => d.key === planSpec.key);
    items.push({
      kind: 'next_phase_plan',
      key: planSpec.key,
      deliverableId: plan?.id,
      status: plan?.state === 'accepted' ? 'ok' : 'missing',
      blocking: true,
      params: { state: plan?.state ?? null },
    });
  }
  for (const c of spec.checkpoints) {
    const checked = input.checkpoints.find((x) => x.key === c.key)?.checked ?? false;
    items.push({ kind: 'checkpoint', key: c.key, status: checked ? 'ok' : 'missing', blocking: true });
  }
  const duration = durationStatus(spec, input.actualStart, input.today);
  if (duration.status === 'short' || duration.status === 'long') {
    items.push({
      kind: 'duration',
      key: 'duration',
      status: 'warning',
      blocking: false,
      params: {
        months: duration.months,
        min: spec.recommendedMonths?.min ?? null,
        max: spec.recommendedMonths?.max ?? null,
        status: duration.status,
      },
    });
  }
  items.push(...(input.extra ?? []));
  const open = input.phaseState === 'in_progress';
  return { ready: open && items.every((i) => !i.blocking || i.status === 'ok'), items };
}
