/**
 * Closing the hovedprosjekt (issue 14): the final report (sluttrapport) from its outline, the evaluation of
 * the ten success factors (seeds/004, slide 14) by the project leader and by the owner, the lessons log,
 * and the owner's closing decision — close, or carry the work on as a permanent cooperation. Pure rules
 * shared by the server (to decide) and the web app (to show): the factors and the outline with their
 * words, when an evaluation is complete, whether the project is ready to close, and the averages and
 * distributions that let advisers learn across regions.
 */
import type { IsoDate } from './dates';
import type { Lang, PhaseKey, Text } from './plp';

/** The ten success factors of local and regional development projects (Distriktssenteret, seeds/004). */
export const SUCCESS_FACTORS = [
  'anchoring',
  'realistic_goals',
  'active_owner',
  'meeting_places',
  'attention',
  'bureaucratic_flexibility',
  'visible_results',
  'cooperation',
  'reporting',
  'financing',
] as const;
export type SuccessFactor = (typeof SUCCESS_FACTORS)[number];

/** A lesson is filed under one of the success factors, or under "other". */
export const LESSON_CATEGORIES = [...SUCCESS_FACTORS, 'other'] as const;
export type LessonCategory = (typeof LESSON_CATEGORIES)[number];

/** Who evaluates: the project leader, and the owner (the regionråd), each on their own. */
export const EVALUATION_PERSPECTIVES = ['leader', 'owner'] as const;
export type EvaluationPerspective = (typeof EVALUATION_PERSPECTIVES)[number];

/** The owner's closing decision: the project closes, or its work goes on as a permanent cooperation. */
export const CLOSING_OUTCOMES = ['close', 'carry_on'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

/** A score: 1 (weak) … 5 (strong). */
export const SCORE_SCALE = [1, 2, 3, 4, 5] as const;

export interface SuccessFactorSpec {
  key: SuccessFactor;
  title: Text;
  /** The question the evaluator answers with a score. */
  question: Text;
}

export const SUCCESS_FACTOR_SPECS: readonly SuccessFactorSpec[] = [
  {
    key: 'anchoring',
    title: { nb: 'Forankring', nn: 'Forankring', en: 'Anchoring' },
    question: {
      nb: 'Var prosjektet forankret hos regionrådet, i kommunene og hos næringslivet?',
      nn: 'Var prosjektet forankra hos regionrådet, i kommunane og hos næringslivet?',
      en: 'Was the project anchored with the regionråd, in the kommuner and with local business?',
    },
  },
  {
    key: 'realistic_goals',
    title: { nb: 'Realistiske mål', nn: 'Realistiske mål', en: 'Realistic goals' },
    question: {
      nb: 'Var hovedmål og delmål realistiske for tiden og ressursene prosjektet hadde?',
      nn: 'Var hovudmål og delmål realistiske for tida og ressursane prosjektet hadde?',
      en: 'Were the main goal and sub-goals realistic for the time and resources the project had?',
    },
  },
  {
    key: 'active_owner',
    title: { nb: 'Aktiv prosjekteier', nn: 'Aktiv prosjekteigar', en: 'Active project owner' },
    question: {
      nb: 'Fulgte prosjekteieren prosjektet aktivt, og tok eieren beslutninger i tide?',
      nn: 'Følgde prosjekteigaren prosjektet aktivt, og tok eigaren avgjerder i tide?',
      en: 'Did the owner follow the project actively and decide in time?',
    },
  },
  {
    key: 'meeting_places',
    title: { nb: 'Møtesteder og nettverk', nn: 'Møtestader og nettverk', en: 'Meeting places and networks' },
    question: {
      nb: 'Fantes det møtesteder og nettverk der kommunene, næringslivet og virkemiddelapparatet møttes?',
      nn: 'Fanst det møtestader og nettverk der kommunane, næringslivet og verkemiddelapparatet møttest?',
      en: 'Were there meeting places and networks where the kommuner, businesses and support agencies met?',
    },
  },
  {
    key: 'attention',
    title: { nb: 'Oppmerksomhet', nn: 'Merksemd', en: 'Attention' },
    question: {
      nb: 'Fikk prosjektet oppmerksomhet fra politikere, administrasjon og media underveis?',
      nn: 'Fekk prosjektet merksemd frå politikarar, administrasjon og media undervegs?',
      en: 'Did the project get attention from politicians, the administrations and the media along the way?',
    },
  },
  {
    key: 'bureaucratic_flexibility',
    title: { nb: 'Byråkratisk smidighet', nn: 'Byråkratisk smidigheit', en: 'Bureaucratic flexibility' },
    question: {
      nb: 'Var kommunene og de offentlige aktørene smidige når prosjektet trengte det?',
      nn: 'Var kommunane og dei offentlege aktørane smidige når prosjektet trong det?',
      en: 'Were the kommuner and the public bodies flexible when the project needed it?',
    },
  },
  {
    key: 'visible_results',
    title: { nb: 'Synliggjøre og verdsette resultater', nn: 'Synleggjere og verdsetje resultat', en: 'Making results visible and valued' },
    question: {
      nb: 'Ble resultatene gjort synlige og verdsatt underveis og ved slutt?',
      nn: 'Vart resultata gjorde synlege og verdsette undervegs og ved slutten?',
      en: 'Were the results made visible and valued along the way and at the end?',
    },
  },
  {
    key: 'cooperation',
    title: { nb: 'Samarbeid', nn: 'Samarbeid', en: 'Cooperation' },
    question: {
      nb: 'Fungerte samarbeidet mellom kommunene, fylkeskommunen og næringslivet?',
      nn: 'Fungerte samarbeidet mellom kommunane, fylkeskommunen og næringslivet?',
      en: 'Did the cooperation between the kommuner, the county and local business work?',
    },
  },
  {
    key: 'reporting',
    title: { nb: 'Rapportering', nn: 'Rapportering', en: 'Reporting' },
    question: {
      nb: 'Ble det rapportert jevnlig og tydelig til eier, kommunene og finansiørene?',
      nn: 'Vart det rapportert jamleg og tydeleg til eigar, kommunane og finansiørane?',
      en: 'Was there regular, clear reporting to the owner, the kommuner and the funders?',
    },
  },
  {
    key: 'financing',
    title: { nb: 'Finansiering', nn: 'Finansiering', en: 'Financing' },
    question: {
      nb: 'Var finansieringen avklart i tide og tilstrekkelig for det prosjektet skulle gjøre?',
      nn: 'Var finansieringa avklart i tide og tilstrekkeleg for det prosjektet skulle gjere?',
      en: 'Was the financing settled in time and sufficient for what the project was to do?',
    },
  },
];

export function successFactorSpec(key: SuccessFactor): SuccessFactorSpec {
  const spec = SUCCESS_FACTOR_SPECS.find((f) => f.key === key);
  if (!spec) throw new Error(`Unknown success factor ${key}`);
  return spec;
}

export const LESSON_OTHER_TITLE: Text = { nb: 'Annet', nn: 'Anna', en: 'Other' };

/** The label of a lesson's category in a language. */
export function lessonCategoryTitle(category: LessonCategory, lang: Lang): string {
  return category === 'other' ? LESSON_OTHER_TITLE[lang] : successFactorSpec(category).title[lang];
}

export function isSuccessFactor(value: unknown): value is SuccessFactor {
  return typeof value === 'string' && (SUCCESS_FACTORS as readonly string[]).includes(value);
}

export function isScore(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

// ---------------------------------------------------------------------------------------------------
// The final report's outline

export const FINAL_REPORT_SECTION_KEYS = [
  'background',
  'goals_results',
  'deliverables',
  'economy',
  'benefits',
  'went_well',
  'went_less_well',
  'recommendations',
] as const;
export type FinalReportSectionKey = (typeof FINAL_REPORT_SECTION_KEYS)[number];

export interface FinalReportSectionSpec {
  key: FinalReportSectionKey;
  title: Text;
  guidance: Text;
}

/** The sluttrapport of a hovedprosjekt: what each section is for. Every section must be written before closing. */
export const FINAL_REPORT_OUTLINE: readonly FinalReportSectionSpec[] = [
  {
    key: 'background',
    title: { nb: '1 Bakgrunn', nn: '1 Bakgrunn', en: '1 Background' },
    guidance: {
      nb: 'Hvorfor prosjektet ble startet, og hvordan forstudien og forprosjektet ledet fram til hovedprosjektet.',
      nn: 'Kvifor prosjektet vart starta, og korleis forstudien og forprosjektet leidde fram til hovudprosjektet.',
      en: 'Why the project was started, and how the forstudie and the forprosjekt led to the hovedprosjekt.',
    },
  },
  {
    key: 'goals_results',
    title: { nb: '2 Mål og resultater', nn: '2 Mål og resultat', en: '2 Goals and results' },
    guidance: {
      nb: 'Hovedmålet og delmålene fra planen: hva ble nådd, og hva ble ikke nådd, og hvorfor?',
      nn: 'Hovudmålet og delmåla frå planen: kva vart nådd, kva vart ikkje nådd, og kvifor?',
      en: 'The plan’s main goal and sub-goals: what was reached, what was not, and why?',
    },
  },
  {
    key: 'deliverables',
    title: { nb: '3 Leveranser', nn: '3 Leveransar', en: '3 Deliverables' },
    guidance: {
      nb: 'Hva prosjektet leverte i hver fase, og hva regionrådet vedtok ved hvert beslutningspunkt.',
      nn: 'Kva prosjektet leverte i kvar fase, og kva regionrådet vedtok ved kvart avgjerdspunkt.',
      en: 'What the project delivered in each phase, and what the regionråd decided at each gate.',
    },
  },
  {
    key: 'economy',
    title: { nb: '4 Økonomi', nn: '4 Økonomi', en: '4 Economy' },
    guidance: {
      nb: 'Budsjett mot forbruk: hva kostet prosjektet, hvordan ble det finansiert, og hvorfor avvik?',
      nn: 'Budsjett mot forbruk: kva kosta prosjektet, korleis vart det finansiert, og kvifor avvik?',
      en: 'Budget against spending: what did the project cost, how was it financed, and why any difference?',
    },
  },
  {
    key: 'benefits',
    title: { nb: '5 Gevinster', nn: '5 Gevinstar', en: '5 Benefits' },
    guidance: {
      nb: 'Status for gevinstene: hva er realisert, hva gjenstår, og hvem eier oppfølgingen etter prosjektet?',
      nn: 'Status for gevinstane: kva er realisert, kva står att, og kven eig oppfølginga etter prosjektet?',
      en: 'Status of the benefits: what has been realised, what remains, and who owns the follow-up after the project?',
    },
  },
  {
    key: 'went_well',
    title: { nb: '6 Hva gikk bra', nn: '6 Kva gjekk bra', en: '6 What went well' },
    guidance: {
      nb: 'Det andre bør gjøre likt: arbeidsmåter, samarbeid og grep som virket.',
      nn: 'Det andre bør gjere likt: arbeidsmåtar, samarbeid og grep som verka.',
      en: 'What others should do the same way: ways of working, cooperation and moves that worked.',
    },
  },
  {
    key: 'went_less_well',
    title: { nb: '7 Hva gikk mindre bra', nn: '7 Kva gjekk mindre bra', en: '7 What went less well' },
    guidance: {
      nb: 'Det andre bør gjøre annerledes, og hva prosjektet selv ville gjort annerledes.',
      nn: 'Det andre bør gjere annleis, og kva prosjektet sjølv ville gjort annleis.',
      en: 'What others should do differently, and what the project itself would have done differently.',
    },
  },
  {
    key: 'recommendations',
    title: {
      nb: '8 Anbefalinger for permanent videreføring',
      nn: '8 Tilrådingar for permanent vidareføring',
      en: '8 Recommendations for the permanent continuation',
    },
    guidance: {
      nb: 'Hvordan samarbeidet bør videreføres: organisering, eier, finansiering og oppgaver.',
      nn: 'Korleis samarbeidet bør førast vidare: organisering, eigar, finansiering og oppgåver.',
      en: 'How the cooperation should go on: organisation, owner, financing and tasks.',
    },
  },
];

export type FinalReportSections = Partial<Record<FinalReportSectionKey, string>>;

export function isFinalReportSectionKey(value: string): value is FinalReportSectionKey {
  return (FINAL_REPORT_SECTION_KEYS as readonly string[]).includes(value);
}

/** The sections of the report still without text, in the outline's order. */
export function missingReportSections(sections: FinalReportSections): FinalReportSectionKey[] {
  return FINAL_REPORT_SECTION_KEYS.filter((k) => !sections[k]?.trim());
}

// ---------------------------------------------------------------------------------------------------
// Evaluations and readiness to close

export interface FactorScore {
  factor: SuccessFactor;
  score: number;
}

/** The factors an evaluation has not scored yet, in the list's order. */
export function unscoredFactors(scores: readonly FactorScore[] | null): SuccessFactor[] {
  const scored = new Set((scores ?? []).filter((s) => isScore(s.score)).map((s) => s.factor));
  return SUCCESS_FACTORS.filter((f) => !scored.has(f));
}

/** An evaluation is complete when every one of the ten factors has a score. */
export function evaluationComplete(scores: readonly FactorScore[] | null): boolean {
  return scores !== null && unscoredFactors(scores).length === 0;
}

export type ClosingCheckKey = 'final_report' | 'leader_evaluation' | 'owner_evaluation';

export interface ClosingCheck {
  key: ClosingCheckKey;
  ok: boolean;
  /** What is missing: the report's empty sections, or the factors without a score (everything when there is none). */
  missing: string[];
}

export interface ClosingReadiness {
  ready: boolean;
  checks: ClosingCheck[];
}

/**
 * Whether the owner may decide to close: the final report has text in every section, and the leader and
 * the owner have each scored all ten success factors. Anything missing can only be passed over with a
 * documented reason (the decision's override).
 */
export function closingReadiness(input: {
  report: { sections: FinalReportSections } | null;
  leader: readonly FactorScore[] | null;
  owner: readonly FactorScore[] | null;
}): ClosingReadiness {
  const checks: ClosingCheck[] = [
    { key: 'final_report', missing: input.report ? missingReportSections(input.report.sections) : [...FINAL_REPORT_SECTION_KEYS] },
    { key: 'leader_evaluation', missing: unscoredFactors(input.leader) },
    { key: 'owner_evaluation', missing: unscoredFactors(input.owner) },
  ].map((c) => ({ key: c.key as ClosingCheckKey, ok: c.missing.length === 0, missing: c.missing }));
  return { ready: checks.every((c) => c.ok), checks };
}

/**
 * The state of the project and its hovedprosjekt that lets the owner close it, or why not: the project
 * must be active with its hovedprosjekt in progress (not waiting at its gate, which has a decision of its own).
 */
export type ClosingPhaseProblem = 'project_ended' | 'not_in_hovedprosjekt' | 'at_gate' | null;

export function closingPhaseProblem(project: { status: string; hovedprosjektState: string | null }): ClosingPhaseProblem {
  if (project.status !== 'active') return 'project_ended';
  if (project.hovedprosjektState === 'awaiting_decision') return 'at_gate';
  if (project.hovedprosjektState !== 'in_progress') return 'not_in_hovedprosjekt';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Learning across regions

export interface ScoreStats {
  /** How many scores. */
  count: number;
  /** The mean, rounded to one decimal; null without scores. */
  average: number | null;
  /** How many gave 1, 2, 3, 4 and 5. */
  distribution: [number, number, number, number, number];
}

export interface FactorSummary {
  factor: SuccessFactor;
  leader: ScoreStats;
  owner: ScoreStats;
  /** Both perspectives together. */
  all: ScoreStats;
}

/** Count, mean (one decimal) and distribution of scores 1–5; anything else is ignored. */
export function scoreStats(scores: readonly number[]): ScoreStats {
  const valid = scores.filter(isScore);
  const distribution: ScoreStats['distribution'] = [0, 0, 0, 0, 0];
  for (const s of valid) distribution[s - 1] += 1;
  const sum = valid.reduce((a, b) => a + b, 0);
  return { count: valid.length, average: valid.length ? Math.round((sum / valid.length) * 10) / 10 : null, distribution };
}

/** Per success factor, the leaders', the owners' and all scores of many projects' evaluations. */
export function factorSummaries(scores: readonly (FactorScore & { perspective: EvaluationPerspective })[]): FactorSummary[] {
  return SUCCESS_FACTORS.map((factor) => {
    const of = (p?: EvaluationPerspective) =>
      scoreStats(scores.filter((s) => s.factor === factor && (p === undefined || s.perspective === p)).map((s) => s.score));
    return { factor, leader: of('leader'), owner: of('owner'), all: of() };
  });
}

/**
 * Where the leader and the owner differ by two or more on a factor: what a closing conversation, or an
 * adviser reading many projects, should look at first.
 */
export function scoreGaps(
  leader: readonly FactorScore[],
  owner: readonly FactorScore[],
  threshold = 2,
): { factor: SuccessFactor; leader: number; owner: number }[] {
  return SUCCESS_FACTORS.flatMap((factor) => {
    const l = leader.find((s) => s.factor === factor)?.score;
    const o = owner.find((s) => s.factor === factor)?.score;
    return isScore(l) && isScore(o) && Math.abs(l - o) >= threshold ? [{ factor, leader: l, owner: o }] : [];
  });
}

/** A closing decision's facts the pure rules check (the DTO's shape). */
export interface ClosingDecisionInput {
  outcome: ClosingOutcome;
  meetingDate: IsoDate;
  successor?: { organisation: string; financingText: string; yearlyAmount: number } | null;
}

/** Why a closing decision's fields do not fit together, per field; empty when they do. */
export function closingDecisionProblems(
  d: ClosingDecisionInput,
  context: { today: IsoDate; hovedprosjektStart: IsoDate | null },
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (d.outcome === 'carry_on' && !d.successor)
    problems.push({
      field: 'successor',
      message: 'successor is required when the work carries on: name the organisation that owns it and how it is financed',
    });
  if (d.outcome === 'close' && d.successor)
    problems.push({ field: 'successor', message: 'successor is only for a decision to carry the work on; leave it out to close' });
  if (d.meetingDate > context.today)
    problems.push({
      field: 'meetingDate',
      message: `meetingDate ${d.meetingDate} is in the future; record the decision after the meeting`,
    });
  if (context.hovedprosjektStart && d.meetingDate < context.hovedprosjektStart)
    problems.push({
      field: 'meetingDate',
      message: `meetingDate ${d.meetingDate} is before the hovedprosjekt began (${context.hovedprosjektStart})`,
    });
  return problems;
}

/** The phase a lesson concerns when none is given: the phase the project is in, else the hovedprosjekt. */
export function defaultLessonPhase(currentPhase: PhaseKey | null): PhaseKey {
  return currentPhase ?? 'hovedprosjekt';
}
