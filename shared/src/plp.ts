/**
 * The PLP method of Næringsvennlig region as data: the three phases, what each must deliver, and the
 * checkpoints of the decision gate that ends it. Screens, the server and documents all read this.
 */
import type { IsoDate } from './dates';

export type Lang = 'nb' | 'nn' | 'en';
export type Text = Record<Lang, string>;

export const PHASE_KEYS = ['forstudie', 'forprosjekt', 'hovedprosjekt'] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];

export const PHASE_STATES = ['not_started', 'in_progress', 'awaiting_decision', 'completed', 'stopped'] as const;
export type PhaseState = (typeof PHASE_STATES)[number];

export const DELIVERABLE_STATES = ['draft', 'submitted', 'accepted', 'returned', 'not_required'] as const;
export type DeliverableState = (typeof DELIVERABLE_STATES)[number];

export const DECISION_OUTCOMES = ['approved', 'approved_with_conditions', 'sent_back', 'stopped'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const PROJECT_STATUSES = ['active', 'completed', 'stopped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface DeliverableSpec {
  key: string;
  title: Text;
  description: Text;
  required: boolean;
  /** The plan for the next phase: the gate asks for it by name. */
  nextPhasePlan?: boolean;
  /** The phase's final report (sluttrapport). */
  finalReport?: boolean;
}

export interface CheckpointSpec {
  key: string;
  title: Text;
}

export interface PhaseSpec {
  key: PhaseKey;
  order: number;
  title: Text;
  goal: Text;
  /** Recommended length in months; null when the phase's own plan sets it. */
  recommendedMonths: { min: number; max: number } | null;
  deliverables: DeliverableSpec[];
  checkpoints: CheckpointSpec[];
}

export const PHASES: readonly PhaseSpec[] = [
  {
    key: 'forstudie',
    order: 1,
    title: { nb: 'Forstudie', nn: 'Forstudie', en: 'Forstudie (pre-study)' },
    goal: {
      nb: 'Kartlegge næringslivets behov for bistand fra næringsutviklere, og forstå regionens, kommunenes og næringsutviklerens rolle.',
      nn: 'Kartleggje behovet næringslivet har for hjelp frå næringsutviklarar, og forstå rolla til regionen, kommunane og næringsutviklaren.',
      en: 'Map what local businesses need from business developers, and understand the roles of the region, the kommuner and the business developers.',
    },
    recommendedMonths: { min: 6, max: 9 },
    deliverables: [
      {
        key: 'business_needs',
        required: true,
        title: { nb: 'Kartlegging av næringslivets behov', nn: 'Kartlegging av behova i næringslivet', en: 'Mapping of business needs' },
        description: {
          nb: 'Intervjuer og spørreundersøkelser: hva trenger næringslivet fra næringsutviklerne?',
          nn: 'Intervju og spørjeundersøkingar: kva treng næringslivet frå næringsutviklarane?',
          en: 'Interviews and surveys: what do local businesses need from business developers?',
        },
      },
      {
        key: 'current_practice',
        required: true,
        title: {
          nb: 'Beskrivelse av dagens næringsutviklingsarbeid',
          nn: 'Skildring av dagens næringsutviklingsarbeid',
          en: 'Description of today’s business-development work',
        },
        description: {
          nb: 'Hvordan regionen og kommunene arbeider med næringsutvikling i dag, og hva som driver vekst.',
          nn: 'Korleis regionen og kommunane arbeider med næringsutvikling i dag, og kva som driv vekst.',
          en: 'How the region and the kommuner work on business development today, and what drives growth.',
        },
      },
      {
        key: 'recommendation',
        required: true,
        title: { nb: 'Overordnet anbefaling', nn: 'Overordna tilråding', en: 'Overall recommendation' },
        description: {
          nb: 'Hvordan regionen, samlet eller kommune for kommune, bør utvikle næringsutviklerrollen.',
          nn: 'Korleis regionen, samla eller kommune for kommune, bør utvikle næringsutviklarrolla.',
          en: 'How the region, together or kommune by kommune, should develop the business-developer role.',
        },
      },
      {
        key: 'plan_forprosjekt',
        required: true,
        nextPhasePlan: true,
        title: { nb: 'Prosjektplan for forprosjektet', nn: 'Prosjektplan for forprosjektet', en: 'Project plan for the forprosjekt' },
        description: { nb: 'Planen for neste fase.', nn: 'Planen for neste fase.', en: 'The plan for the next phase.' },
      },
      {
        key: 'final_report_forstudie',
        required: true,
        finalReport: true,
        title: { nb: 'Sluttrapport for forstudien', nn: 'Sluttrapport for forstudien', en: 'Final report of the forstudie' },
        description: {
          nb: 'Sammendrag, metode, næringslivets behov, styrker og svakheter, konklusjoner og anbefalinger.',
          nn: 'Samandrag, metode, behova i næringslivet, styrkar og svakheiter, konklusjonar og tilrådingar.',
          en: 'Summary, method, business needs, strengths and weaknesses, conclusions and recommendations.',
        },
      },
    ],
    checkpoints: [
      {
        key: 'anchored',
        title: {
          nb: 'Ambisjoner og planer er forankret hos regionrådet',
          nn: 'Ambisjonar og planar er forankra hos regionrådet',
          en: 'Ambitions and plans are anchored with the regionråd',
        },
      },
      {
        key: 'steering_group_reviewed',
        title: {
          nb: 'Styringsgruppen har behandlet sluttrapporten',
          nn: 'Styringsgruppa har handsama sluttrapporten',
          en: 'The steering group has reviewed the final report',
        },
      },
    ],
  },
  {
    key: 'forprosjekt',
    order: 2,
    title: { nb: 'Forprosjekt', nn: 'Forprosjekt', en: 'Forprosjekt (pre-project)' },
    goal: {
      nb: 'Beskrive innholdet i næringsutviklertjenestene, kultur, holdning og kompetansekrav, og de økonomiske rammene.',
      nn: 'Skildre innhaldet i næringsutviklartenestene, kultur, haldning og kompetansekrav, og dei økonomiske rammene.',
      en: 'Describe the content of the business-development services, the culture, attitudes and competence required, and the economic frame.',
    },
    recommendedMonths: { min: 9, max: 12 },
    deliverables: [
      {
        key: 'service_content',
        required: true,
        title: {
          nb: 'Tjenesteinnhold og kompetansekrav',
          nn: 'Tenesteinnhald og kompetansekrav',
          en: 'Service content and competence requirements',
        },
        description: {
          nb: 'Innholdet i næringsutviklertjenestene, kultur og holdning, og kravene til kompetanse hos næringsutvikler.',
          nn: 'Innhaldet i næringsutviklartenestene, kultur og haldning, og krava til kompetanse hos næringsutviklar.',
          en: 'The content of the services, culture and attitudes, and the competence business developers need.',
        },
      },
      {
        key: 'economic_frame',
        required: true,
        title: { nb: 'Økonomiske rammer', nn: 'Økonomiske rammer', en: 'Economic frame' },
        description: {
          nb: 'De økonomiske rammene for tjenestene.',
          nn: 'Dei økonomiske rammene for tenestene.',
          en: 'The economic frame of the services.',
        },
      },
      {
        key: 'plan_hovedprosjekt',
        required: true,
        nextPhasePlan: true,
        title: { nb: 'Prosjektplan for hovedprosjektet', nn: 'Prosjektplan for hovudprosjektet', en: 'Project plan for the hovedprosjekt' },
        description: {
          nb: 'Hvordan tiltaket videreføres i et hovedprosjekt slik at mål og ambisjoner nås.',
          nn: 'Korleis tiltaket vert ført vidare i eit hovudprosjekt slik at mål og ambisjonar vert nådde.',
          en: 'How the measure is carried on in a hovedprosjekt so that goals and ambitions are met.',
        },
      },
      {
        key: 'final_report_forprosjekt',
        required: true,
        finalReport: true,
        title: { nb: 'Sluttrapport for forprosjektet', nn: 'Sluttrapport for forprosjektet', en: 'Final report of the forprosjekt' },
        description: {
          nb: 'Resultater og anbefalinger fra forprosjektet.',
          nn: 'Resultat og tilrådingar frå forprosjektet.',
          en: 'Results and recommendations of the forprosjekt.',
        },
      },
    ],
    checkpoints: [
      {
        key: 'leadership_briefed',
        title: {
          nb: 'Politisk ledelse og rådmannsgruppen er orientert om forstudiens sluttrapport',
          nn: 'Politisk leiing og rådmannsgruppa er orientert om sluttrapporten frå forstudien',
          en: 'Political leadership and the chief executives’ group are briefed on the forstudie’s final report',
        },
      },
      {
        key: 'kommuner_informed',
        title: {
          nb: 'Informasjonen er tatt tilbake til politikere og næringsutviklere i hver kommune',
          nn: 'Informasjonen er teken tilbake til politikarar og næringsutviklarar i kvar kommune',
          en: 'The information has been carried back to each kommune’s politicians and business developers',
        },
      },
      {
        key: 'financing_decided',
        title: {
          nb: 'Kommunestyrene har behandlet finansieringen av hovedprosjektet',
          nn: 'Kommunestyra har handsama finansieringa av hovudprosjektet',
          en: 'The kommune councils have decided on financing the hovedprosjekt',
        },
      },
    ],
  },
  {
    key: 'hovedprosjekt',
    order: 3,
    title: { nb: 'Hovedprosjekt', nn: 'Hovudprosjekt', en: 'Hovedprosjekt (main project)' },
    goal: {
      nb: 'Hjelpe kommuneadministrasjonene til å bli bedre tilretteleggere og samarbeidspartnere for lokalt næringsliv.',
      nn: 'Hjelpe kommuneadministrasjonane til å verte betre tilretteleggjarar og samarbeidspartnarar for lokalt næringsliv.',
      en: 'Help the kommuner’s administrations become better facilitators and partners for local business.',
    },
    recommendedMonths: null,
    deliverables: [
      {
        key: 'benefit_plan',
        required: true,
        title: { nb: 'Gevinstplan og evaluering', nn: 'Gevinstplan og evaluering', en: 'Benefit plan and evaluation' },
        description: {
          nb: 'Gevinstplan, evaluering av samarbeidet og forslag til permanent videreføring.',
          nn: 'Gevinstplan, evaluering av samarbeidet og framlegg til permanent vidareføring.',
          en: 'Benefit plan, evaluation of the cooperation and a proposal for a permanent arrangement.',
        },
      },
      {
        key: 'final_report_hovedprosjekt',
        required: true,
        finalReport: true,
        title: { nb: 'Sluttrapport for hovedprosjektet', nn: 'Sluttrapport for hovudprosjektet', en: 'Final report of the hovedprosjekt' },
        description: {
          nb: 'Resultater, gevinster og videre drift.',
          nn: 'Resultat, gevinstar og vidare drift.',
          en: 'Results, benefits and the way forward.',
        },
      },
    ],
    checkpoints: [
      {
        key: 'permanent_arrangement',
        title: {
          nb: 'Kommunene og fylkeskommunen har avklart videre drift av samarbeidet',
          nn: 'Kommunane og fylkeskommunen har avklart vidare drift av samarbeidet',
          en: 'The kommuner and the county have agreed how the cooperation continues',
        },
      },
    ],
  },
];

export function phaseSpec(key: PhaseKey): PhaseSpec {
  const spec = PHASES.find((p) => p.key === key);
  if (!spec) throw new Error(`Unknown phase ${key}`);
  return spec;
}

export function nextPhaseKey(key: PhaseKey): PhaseKey | null {
  const i = PHASE_KEYS.indexOf(key);
  return i >= 0 && i < PHASE_KEYS.length - 1 ? PHASE_KEYS[i + 1] : null;
}

export function isPhaseKey(value: string): value is PhaseKey {
  return (PHASE_KEYS as readonly string[]).includes(value);
}

/** Whole months from start to end (or today), counting a started month as begun: 2024-01-15 → 2024-07-14 is 6. */
export function monthsBetween(start: IsoDate, end: IsoDate): number {
  const [y1, m1, d1] = start.split('-').map(Number);
  const [y2, m2, d2] = end.split('-').map(Number);
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1) months -= 1;
  return Math.max(0, months);
}

export type DurationStatus = 'unknown' | 'within' | 'short' | 'long' | 'no_recommendation';

/** How a phase's length compares with the recommended range (a warning, never a block). */
export function durationStatus(
  spec: Pick<PhaseSpec, 'recommendedMonths'>,
  start: IsoDate | null,
  end: IsoDate | null,
): { months: number | null; status: DurationStatus } {
  if (!start || !end) return { months: null, status: 'unknown' };
  const months = monthsBetween(start, end);
  if (!spec.recommendedMonths) return { months, status: 'no_recommendation' };
  if (months < spec.recommendedMonths.min) return { months, status: 'short' };
  if (months > spec.recommendedMonths.max) return { months, status: 'long' };
  return { months, status: 'within' };
}
