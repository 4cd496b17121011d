import type { Lang } from '@nvr/shared';

/**
 * The words the closing writes itself — the final report's first draft and its DOCX/PDF — in bokmål,
 * nynorsk and English, as [nb, nn, en]. (The outline's and the factors' words are in shared/src/closing.ts;
 * the web app's in web/src/locales/closing.*.json.)
 */
type Words = readonly [nb: string, nn: string, en: string];

const INDEX: Record<Lang, 0 | 1 | 2> = { nb: 0, nn: 1, en: 2 };

export const CLOSING_WORDS = {
  // The first draft
  phaseRan: ['{phase} ble gjennomført {start}–{end}.', '{phase} vart gjennomført {start}–{end}.', 'The {phase} ran {start}–{end}.'],
  hovedStarted: ['Hovedprosjektet startet {date}.', 'Hovudprosjektet starta {date}.', 'The hovedprosjekt started {date}.'],
  decisionLine: [
    '{date}, sak {case}: {outcome}. «{text}»',
    '{date}, sak {case}: {outcome}. «{text}»',
    '{date}, case {case}: {outcome}. “{text}”',
  ],
  decisionsHeading: ['Vedtak ved beslutningspunktene:', 'Vedtak ved avgjerdspunkta:', 'Decisions at the gates:'],
  mainGoal: ['Hovedmål: {goal}', 'Hovudmål: {goal}', 'Main goal: {goal}'],
  subGoals: ['Delmål:', 'Delmål:', 'Sub-goals:'],
  reachedPrompt: [
    'Skriv for hvert delmål hva som ble nådd, og hva som ikke ble nådd.',
    'Skriv for kvart delmål kva som vart nådd, og kva som ikkje vart nådd.',
    'For each sub-goal, write what was reached and what was not.',
  ],
  noPlan: [
    'Planen for hovedprosjektet har ikke hovedmål eller delmål ennå.',
    'Planen for hovudprosjektet har ikkje hovudmål eller delmål enno.',
    'The hovedprosjekt’s plan has no main goal or sub-goals yet.',
  ],
  budgetLine: [
    'Budsjett for hovedprosjektet: {costs} kr i kostnader og {financing} kr i finansiering.',
    'Budsjett for hovudprosjektet: {costs} kr i kostnader og {financing} kr i finansiering.',
    'Budget of the hovedprosjekt: NOK {costs} in costs and NOK {financing} in financing.',
  ],
  spentLine: [
    'Brukt per {period} (siste publiserte statusrapport): {spent} kr. Prognose ved slutt: {forecast} kr.',
    'Brukt per {period} (siste publiserte statusrapport): {spent} kr. Prognose ved slutten: {forecast} kr.',
    'Spent by {period} (the latest published status report): NOK {spent}. Forecast at the end: NOK {forecast}.',
  ],
  noReports: [
    'Ingen statusrapport med regnskapstall er publisert; fyll inn hva prosjektet kostet.',
    'Ingen statusrapport med rekneskapstal er publisert; fyll inn kva prosjektet kosta.',
    'No status report with figures has been published; fill in what the project cost.',
  ],
  explainDifference: [
    'Forklar avvik mellom budsjett og forbruk.',
    'Forklar avvik mellom budsjett og forbruk.',
    'Explain any difference between budget and spending.',
  ],
  benefitAreas: ['Gevinstområder i planen:', 'Gevinstområde i planen:', 'Benefit areas in the plan:'],
  benefitsRegister: ['Gevinster i gevinstregisteret:', 'Gevinstar i gevinstregisteret:', 'Benefits in the benefits register:'],
  benefitsPrompt: [
    'Skriv status for hver gevinst, og hvem som eier oppfølgingen etter prosjektet.',
    'Skriv status for kvar gevinst, og kven som eig oppfølginga etter prosjektet.',
    'Write the status of each benefit, and who owns the follow-up after the project.',
  ],
  noBenefits: [
    'Planen har ingen gevinstområder; beskriv hvilke gevinster prosjektet har gitt.',
    'Planen har ingen gevinstområde; skildre kva gevinstar prosjektet har gitt.',
    'The plan has no benefit areas; describe the benefits the project has brought.',
  ],
  concerns: [
    'Fra statusrapportene (gule og røde vurderinger):',
    'Frå statusrapportane (gule og raude vurderingar):',
    'From the status reports (yellow and red ratings):',
  ],
  // The document
  documentKind: ['Sluttrapport', 'Sluttrapport', 'Final report'],
  hovedprosjektPeriod: ['Hovedprosjektet', 'Hovudprosjektet', 'The hovedprosjekt'],
  budget: ['Budsjett (kr)', 'Budsjett (kr)', 'Budget (NOK)'],
  spent: ['Brukt (kr)', 'Brukt (kr)', 'Spent (NOK)'],
  difference: ['Differanse (kr)', 'Differanse (kr)', 'Difference (NOK)'],
  evaluation: ['Evaluering av suksessfaktorene', 'Evaluering av suksessfaktorane', 'Evaluation of the success factors'],
  evaluationIntro: [
    'Prosjektleder og prosjekteier har hver for seg gitt hver faktor en score fra 1 (svak) til 5 (sterk).',
    'Prosjektleiar og prosjekteigar har kvar for seg gitt kvar faktor ein skår frå 1 (svak) til 5 (sterk).',
    'The project leader and the project owner have each scored every factor from 1 (weak) to 5 (strong).',
  ],
  factor: ['Suksessfaktor', 'Suksessfaktor', 'Success factor'],
  leader: ['Prosjektleder', 'Prosjektleiar', 'Project leader'],
  owner: ['Prosjekteier', 'Prosjekteigar', 'Project owner'],
  comments: ['Kommentarer', 'Kommentarar', 'Comments'],
  lessons: ['Læringspunkter', 'Læringspunkt', 'Lessons learned'],
  noLessons: ['Ingen læringspunkter er registrert.', 'Ingen læringspunkt er registrerte.', 'No lessons have been recorded.'],
  decision: ['Vedtak om avslutning', 'Vedtak om avslutning', 'Closing decision'],
  close: ['Prosjektet avsluttes', 'Prosjektet vert avslutta', 'The project closes'],
  carry_on: [
    'Arbeidet videreføres som permanent samarbeid',
    'Arbeidet vert ført vidare som permanent samarbeid',
    'The work carries on as a permanent cooperation',
  ],
  successor: ['Eier videre', 'Eigar vidare', 'Owner from now on'],
  financing: ['Finansiering', 'Finansiering', 'Financing'],
  yearlyAmount: ['Årlig beløp (kr)', 'Årleg beløp (kr)', 'Yearly amount (NOK)'],
  override: ['Vedtatt uten at alt forelå, fordi', 'Vedteke utan at alt låg føre, fordi', 'Decided although something was missing, because'],
  notDecided: [
    'Prosjekteier har ikke fattet vedtak om avslutning ennå.',
    'Prosjekteigar har ikkje gjort vedtak om avslutning enno.',
    'The owner has not decided on closing yet.',
  ],
} as const satisfies Record<string, Words>;

export type ClosingWord = keyof typeof CLOSING_WORDS;

export function closingWord(key: ClosingWord, lang: Lang, params: Record<string, string | number> = {}): string {
  return CLOSING_WORDS[key][INDEX[lang]].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
