import type { IsoDate } from './dates';
import { DeliverableState, durationStatus, PhaseKey, phaseSpec, PhaseState } from './plp';

export type ReadinessKind = 'deliverable' | 'next_phase_plan' | 'checkpoint' | 'duration' | 'budget' | 'condition';

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
  deliverables: {
    id: string;
    key: string | null;
    required: boolean;
    state: DeliverableState;
    notRequiredReason: string | null;
    /** The draft has text or a file, so it can go in with the package (unknown: treated as empty). */
    filled?: boolean;
  }[];
  checkpoints: { key: string; checked: boolean }[];
  /**
   * The next phase's plan as written in the plan editor: how many of its template's required fields are
   * empty. Null when there is no plan to judge (no template). Left out, the
   * plan deliverable's state decides (submitted or accepted is ok), as in packages recorded before plans counted.
   */
  nextPlan?: { missing: number; total: number } | null;
  /** Conditions of an earlier approval followed up in this phase; open ones block the gate. */
  conditions?: { id: string; text: string; dueDate: IsoDate | null; state: 'open' | 'met' | 'waived' }[];
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
 * Whether a required deliverable can go in the gate package: accepted or submitted already, not required
 * here (with a reason), or a draft with text or a file (submitting the gate submits it). A returned one
 * must be revised and submitted first.
 */
export function deliverableInPackage(d: ReadinessInput['deliverables'][number]): boolean {
  switch (d.state) {
    case 'accepted':
    case 'submitted':
      return true;
    case 'not_required':
      return !!d.notRequiredReason?.trim();
    case 'draft':
      return d.filled === true;
    case 'returned':
      return false;
  }
}

/**
 * The server's verdict on whether a phase may go to the owner as one package: every required
 * deliverable in it (see deliverableInPackage), the plan for the next phase complete in the plan editor,
 * every checkpoint ticked, every condition of the previous approval met or waived. A phase longer or
 * shorter than recommended is a warning only.
 */
export function evaluateReadiness(input: ReadinessInput): Readiness {
  const spec = phaseSpec(input.phaseKey);
  const items: ReadinessItem[] = [];
  const planSpec = spec.deliverables.find((d) => d.nextPhasePlan);
  // The plan for the next phase has its own line below.
  for (const d of input.deliverables.filter((x) => x.required && x.key !== planSpec?.key)) {
    const ok = deliverableInPackage(d);
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
    const state = plan?.state ?? null;
    let ok: boolean;
    let params: ReadinessItem['params'] = { state };
    if (input.nextPlan === undefined) ok = state === 'accepted' || state === 'submitted';
    else {
      const missing = input.nextPlan?.missing ?? null;
      const total = input.nextPlan?.total ?? null;
      // The plan is the deliverable: complete in the editor is enough, unless the owner returned it.
      ok = input.nextPlan !== null && missing === 0 && state !== 'returned';
      params = { state, missing, total };
    }
    items.push({
      kind: 'next_phase_plan',
      key: planSpec.key,
      deliverableId: plan?.id,
      status: ok ? 'ok' : 'missing',
      blocking: true,
      params,
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
  for (const c of (input.conditions ?? []).filter((x) => x.state === 'open')) {
    items.push({ kind: 'condition', key: c.id, status: 'missing', blocking: true, params: { text: c.text, dueDate: c.dueDate } });
  }
  items.push(...(input.extra ?? []));
  const open = input.phaseState === 'in_progress';
  return { ready: open && items.every((i) => !i.blocking || i.status === 'ok'), items };
}

const PHASE_DEFINITE: Record<PhaseKey, string> = {
  forstudie: 'forstudien',
  forprosjekt: 'forprosjektet',
  hovedprosjekt: 'hovedprosjektet',
};

/** Whole kroner written the Norwegian way: 1 250 000 kr (non-breaking spaces between groups and before kr). */
export function formatKroner(amount: number): string {
  const digits = Math.round(Math.abs(amount))
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${amount < 0 ? '−' : ''}${digits}\u00a0kr`;
}

export interface ProposedDecisionInput {
  /** The body that decides, e.g. "Regionrådet" or "Styret i Fosen Regionråd". */
  bodyName: string;
  phaseKey: PhaseKey;
  /** The phase the decision starts; null at the last gate. */
  nextPhaseKey: PhaseKey | null;
  /** The next phase's budgeted costs (its cost frame), 0 or null when it has none. */
  costs: number | null;
  /** What the kommuner are asked to pay directly; above 0 adds the sentence on the cost-sharing key. */
  kommunerContribution: number;
}

/**
 * The proposed decision (forslag til vedtak) drafted from the gate package, in bokmål, e.g. "Regionrådet
 * godkjenner sluttrapporten for forstudien og vedtar oppstart av forprosjekt i tråd med prosjektplanen, med
 * en kostnadsramme på 400 000 kr. Kommunenes andel fordeles etter vedtatt fordelingsnøkkel." The
 * secretariat edits it before the meeting.
 */
export function draftProposedDecision(input: ProposedDecisionInput): string {
  const body = input.bodyName.trim() || 'Regionrådet';
  const report = `sluttrapporten for ${PHASE_DEFINITE[input.phaseKey]}`;
  if (!input.nextPhaseKey) return `${body} godkjenner ${report} og avslutter prosjektet.`;
  const frame = input.costs && input.costs > 0 ? `, med en kostnadsramme på ${formatKroner(input.costs)}` : '';
  const sentences = [`${body} godkjenner ${report} og vedtar oppstart av ${input.nextPhaseKey} i tråd med prosjektplanen${frame}.`];
  if (input.kommunerContribution > 0) sentences.push('Kommunenes andel fordeles etter vedtatt fordelingsnøkkel.');
  return sentences.join(' ');
}
