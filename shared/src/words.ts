import { BUDGET_WORDS } from './budget';
import type { Lang } from './plp';

/**
 * The words the server writes into what it renders — PDF/DOCX documents, spreadsheet exports — in
 * bokmål, nynorsk and English. (The web app's own strings live in web/src/locales; error messages are
 * keyed by code there too.) Each entry is [nb, nn, en].
 */
type Words = readonly [nb: string, nn: string, en: string];

const INDEX: Record<Lang, 0 | 1 | 2> = { nb: 0, nn: 1, en: 2 };

export const DOCUMENT_WORDS = {
  region: ['Region', 'Region', 'Region'],
  owner: ['Prosjekteier', 'Prosjekteigar', 'Project owner'],
  leader: ['Prosjektleder', 'Prosjektleiar', 'Project leader'],
  kommuner: ['Deltakende kommuner', 'Deltakande kommunar', 'Participating kommuner'],
  phase: ['Fase', 'Fase', 'Phase'],
  state: ['Status', 'Status', 'Status'],
  planVersion: ['Planversjon', 'Planversjon', 'Plan version'],
  planNoVersion: ['Ikke lagret som versjon ennå', 'Ikkje lagra som versjon enno', 'Not saved as a version yet'],
  planChangedSince: ['Endret etter versjon {n}', 'Endra etter versjon {n}', 'Changed since version {n}'],
  printed: ['Skrevet ut', 'Skrive ut', 'Printed'],
  from: ['fra Næringsvennlig region', 'frå Næringsvennlig region', 'from Næringsvennlig region'],
  notFilled: ['(ikke fylt ut)', '(ikkje fylt ut)', '(not filled in)'],
  budget: ['Budsjett', 'Budsjett', 'Budget'],
  costs: ['Kostnader', 'Kostnader', 'Costs'],
  financing: ['Finansiering', 'Finansiering', 'Financing'],
  category: ['Kategori', 'Kategori', 'Category'],
  source: ['Kilde', 'Kjelde', 'Source'],
  year: ['År', 'År', 'Year'],
  description: ['Beskrivelse', 'Skildring', 'Description'],
  amount: ['Beløp (kr)', 'Beløp (kr)', 'Amount (NOK)'],
  total: ['Sum', 'Sum', 'Total'],
  difference: ['Differanse', 'Differanse', 'Difference'],
  balanced: ['Kostnader og finansiering er i balanse.', 'Kostnader og finansiering er i balanse.', 'Costs and financing balance.'],
  unbalanced: [
    'Kostnader og finansiering er ikke i balanse.',
    'Kostnader og finansiering er ikkje i balanse.',
    'Costs and financing do not balance.',
  ],
  // The cost-sharing table's heading as the web app has it (plans.costSharing.heading).
  costSharing: ['Fordeling mellom kommunene', 'Fordeling mellom kommunane', 'Cost sharing between the kommuner'],
  kommune: ['Kommune', 'Kommune', 'Kommune'],
  population: ['Innbyggere', 'Innbyggjarar', 'Population'],
  populationOn: ['Innbyggere per {date}', 'Innbyggjarar per {date}', 'Population as of {date}'],
  asOf: ['per {date}', 'per {date}', 'as of {date}'],
  positionShare: ['Andel av stilling', 'Del av stilling', 'Share of a position'],
  milestone: ['Milepæl', 'Milepæl', 'Milestone'],
  // A sub-goal's schedule by quarter (subGoalScheduleText), as the web app writes it (plans.subgoals.when*).
  subGoalFrom: ['Fra {q}. kv. {year}', 'Frå {q}. kv. {year}', 'From Q{q} {year}'],
  subGoalFromTo: [
    'Fra {q}. kv. {year} til {q2}. kv. {year2}',
    'Frå {q}. kv. {year} til {q2}. kv. {year2}',
    'From Q{q} {year} to Q{q2} {year2}',
  ],
  subGoalUntil: ['Til {q}. kv. {year}', 'Til {q}. kv. {year}', 'Until Q{q} {year}'],
  role: ['Rolle', 'Rolle', 'Role'],
  roleHolder: ['Navn', 'Namn', 'Name'],
  equally: ['likt', 'likt', 'equally'],
  byPopulation: ['etter innbyggertall', 'etter innbyggjartal', 'by population'],
  status: ['Status', 'Status', 'Status'],
  files: ['Vedlegg', 'Vedlegg', 'Attachments'],
  dueDate: ['Frist', 'Frist', 'Due'],
  responsible: ['Ansvarlig', 'Ansvarleg', 'Responsible'],
  reviewComment: ['Kommentar fra regionrådet', 'Kommentar frå regionrådet', 'Comment from the regionråd'],
  notRequired: ['Ikke påkrevd fordi', 'Ikkje påkravd fordi', 'Not required because'],
  decisionBasis: ['Beslutningsgrunnlag', 'Avgjerdsgrunnlag', 'Decision basis'],
  readiness: ['Sjekkliste før beslutning', 'Sjekkliste før avgjerd', 'Readiness checklist'],
  item: ['Punkt', 'Punkt', 'Item'],
  ok: ['I orden', 'I orden', 'OK'],
  missing: ['Mangler', 'Manglar', 'Missing'],
  warning: ['Merk', 'Merk', 'Note'],
  checkpoints: ['Kontrollpunkter', 'Kontrollpunkt', 'Checkpoints'],
  comment: ['Kommentar', 'Kommentar', 'Comment'],
  submission: ['Oversendelse til regionrådet', 'Oversending til regionrådet', 'Submission to the regionråd'],
  submittedBy: ['Sendt av', 'Sendt av', 'Submitted by'],
  decision: ['Vedtak', 'Vedtak', 'Decision'],
  outcome: ['Utfall', 'Utfall', 'Outcome'],
  meetingDate: ['Møtedato', 'Møtedato', 'Meeting date'],
  caseNumber: ['Saksnummer', 'Saksnummer', 'Case number'],
  conditions: ['Vilkår', 'Vilkår', 'Conditions'],
  noDecision: [
    'Regionrådet har ikke fattet vedtak ennå.',
    'Regionrådet har ikkje gjort vedtak enno.',
    'The regionråd has not decided yet.',
  ],
  budgetItem: ['Budsjett for neste fase i balanse', 'Budsjett for neste fase i balanse', 'Budget for the next phase balances'],
  nextPlanItem: ['Plan for neste fase godkjent', 'Plan for neste fase godkjend', 'Plan for the next phase accepted'],
  durationItem: ['Varighet sammenlignet med anbefalt', 'Varigheit samanlikna med tilrådd', 'Duration against the recommendation'],
  months: ['måneder', 'månader', 'months'],

  // The case document (saksframlegg) and the extract of the minutes (protokollutdrag) of a gate.
  caseDocument: ['Saksframlegg', 'Saksframlegg', 'Case document'],
  minutesExtract: ['Protokollutdrag', 'Protokollutdrag', 'Extract of the minutes'],
  body: ['Utvalg', 'Utval', 'Body'],
  caseOfficer: ['Saksbehandler', 'Sakshandsamar', 'Case officer'],
  documentDate: ['Dato', 'Dato', 'Date'],
  caseTitleNext: [
    '{phase} {project} – godkjenning og oppstart av {next}',
    '{phase} {project} – godkjenning og oppstart av {next}',
    '{phase} {project} – approval and start of the {next}',
  ],
  caseTitleLast: [
    '{phase} {project} – godkjenning av sluttrapport',
    '{phase} {project} – godkjenning av sluttrapport',
    '{phase} {project} – approval of the final report',
  ],
  proposedDecision: ['Forslag til vedtak', 'Framlegg til vedtak', 'Proposed decision'],
  draftApproveNext: [
    '{body} godkjenner sluttrapporten fra {phase} og vedtar oppstart av {next}.',
    '{body} godkjenner sluttrapporten frå {phase} og vedtek oppstart av {next}.',
    '{body} approves the final report of the {phase} and decides to start the {next}.',
  ],
  draftApproveLast: [
    '{body} godkjenner sluttrapporten fra {phase}, og prosjektet avsluttes.',
    '{body} godkjenner sluttrapporten frå {phase}, og prosjektet blir avslutta.',
    '{body} approves the final report of the {phase}, and the project ends.',
  ],
  draftPeriod: ['Perioden er {period}.', 'Perioden er {period}.', 'The period is {period}.'],
  draftBudget: [
    'Kostnadsrammen er {costs} kr, finansiert som vist i budsjettet.',
    'Kostnadsramma er {costs} kr, finansiert som vist i budsjettet.',
    'The cost frame is NOK {costs}, financed as shown in the budget.',
  ],
  draftShares: [
    'Kommunenes andel på til sammen {amount} kr fordeles som vist i tabellen over kommunenes andel, med forbehold om vedtak i hvert kommunestyre.',
    'Delen til kommunane, til saman {amount} kr, blir fordelt som vist i tabellen over kommunane sin del, med atterhald om vedtak i kvart kommunestyre.',
    'The kommuner’s share of NOK {amount} in all is divided as shown in the table of their shares, subject to each kommunestyre’s decision.',
  ],
  background: ['Bakgrunn', 'Bakgrunn', 'Background'],
  project: ['Prosjekt', 'Prosjekt', 'Project'],
  period: ['Periode', 'Periode', 'Period'],
  plannedPeriod: ['Planlagt periode', 'Planlagd periode', 'Planned period'],
  actualPeriod: ['Faktisk periode', 'Faktisk periode', 'Actual period'],
  nextPhasePeriod: ['Planlagt periode for {next}', 'Planlagd periode for {next}', 'Planned period of the {next}'],
  caseRoute: ['Saksgang', 'Saksgang', 'Case route'],
  recommendation: ['Innstilling', 'Innstilling', 'Recommendation'],
  noEarlierBodies: [
    'Saken er ikke behandlet i andre utvalg før dette.',
    'Saka er ikkje handsama i andre utval før dette.',
    'No other body has handled the case before this one.',
  ],
  summaryOfReport: [
    'Sammendrag av sluttrapporten og anbefalingene',
    'Samandrag av sluttrapporten og tilrådingane',
    'Summary of the final report and the recommendations',
  ],
  shortened: [
    '(Forkortet – se vedlegget for hele teksten.)',
    '(Forkorta – sjå vedlegget for heile teksten.)',
    '(Shortened – see the attachment for the full text.)',
  ],
  attachedFiles: ['Vedlagte filer', 'Vedlagde filer', 'Attached files'],
  nextPlan: ['Plan for neste fase', 'Plan for neste fase', 'Plan for the next phase'],
  planSubmittedVersion: [
    'Planen slik den ble sendt til behandling (versjon {n}).',
    'Planen slik han vart send til handsaming (versjon {n}).',
    'The plan as it was submitted (version {n}).',
  ],
  planCurrentVersion: ['Planen slik den står nå ({n}).', 'Planen slik han står no ({n}).', 'The plan as it stands now ({n}).'],
  mainGoal: ['Hovedmål', 'Hovudmål', 'Main goal'],
  subGoals: ['Delmål og hovedaktiviteter', 'Delmål og hovudaktivitetar', 'Sub-goals and main activities'],
  economicFrame: ['Økonomisk ramme', 'Økonomisk ramme', 'Economic frame'],
  milestones: ['Milepæler', 'Milepælar', 'Milestones'],
  budgetAndFinancing: ['Budsjett og finansiering', 'Budsjett og finansiering', 'Budget and financing'],
  totalCosts: ['Sum kostnader', 'Sum kostnader', 'Total costs'],
  totalFinancing: ['Sum finansiering', 'Sum finansiering', 'Total financing'],
  noBudget: [
    'Budsjettet for neste fase er ikke fylt ut.',
    'Budsjettet for neste fase er ikkje fylt ut.',
    'The budget for the next phase is empty.',
  ],
  kommuneShares: ['Kommunenes andel', 'Kommunane sin del', 'The kommuner’s shares'],
  share: ['Andel (kr)', 'Del (kr)', 'Share (NOK)'],
  committed: ['Vedtatt beløp (kr)', 'Vedteke beløp (kr)', 'Committed (NOK)'],
  kommuneDecision: ['Kommunestyrets vedtak', 'Vedtaket i kommunestyret', 'Kommunestyre’s decision'],
  sharesFromCases: [
    'Hvert kommunestyre behandler sin andel innen fristen i tabellen.',
    'Kvart kommunestyre handsamar sin del innan fristen i tabellen.',
    'Each kommunestyre decides on its share by the deadline in the table.',
  ],
  sharesFromPlan: [
    'Andelene følger kostnadsfordelingen i planen: {equal} % likt og resten etter innbyggertall.',
    'Delane følgjer kostnadsfordelinga i planen: {equal} % likt og resten etter innbyggjartal.',
    'The shares follow the plan’s cost sharing: {equal} % equally and the rest by population.',
  ],
  economicConsequences: [
    'Økonomiske konsekvenser for kommunene',
    'Økonomiske konsekvensar for kommunane',
    'Economic consequences for the kommuner',
  ],
  consequencesText: [
    'Tabellen viser hva hver kommune skal betale per år i fasen.',
    'Tabellen viser kva kvar kommune skal betale per år i fasen.',
    'The table shows what each kommune pays per year of the phase.',
  ],
  noShares: [
    'Neste fase har ingen direkte finansiering fra kommunene.',
    'Neste fase har inga direkte finansiering frå kommunane.',
    'The next phase has no direct contribution from the kommuner.',
  ],
  shareInYear: ['Hele andelen gjelder {year}.', 'Heile delen gjeld {year}.', 'The whole share falls in {year}.'],
  consequenceOfNo: ['Konsekvens av nei', 'Konsekvens av nei', 'Consequence of a no'],
  consequenceOfNoText: [
    '{kommuner} har sagt nei. Fordeles den samme summen på kommunene som går videre, etter samme regel, blir andelene slik:',
    '{kommuner} har sagt nei. Blir den same summen fordelt på kommunane som går vidare, etter same regel, blir delane slik:',
    '{kommuner} said no. Shared among the kommuner that go on, by the same rule, the same total gives these shares:',
  ],
  newShare: ['Ny andel (kr)', 'Ny del (kr)', 'New share (NOK)'],
  change: ['Endring (kr)', 'Endring (kr)', 'Change (NOK)'],
  deliverable: ['Leveranse', 'Leveranse', 'Deliverable'],
  handling: ['Behandling', 'Handsaming', 'Handling'],
  earlierRecommendations: ['Innstillinger i saken', 'Innstillingar i saka', 'Recommendations in the case'],
  noConditions: ['Vedtaket har ingen vilkår.', 'Vedtaket har ingen vilkår.', 'The decision has no conditions.'],
  condition: ['Vilkår', 'Vilkår', 'Condition'],
  decidedBy: ['Vedtatt av', 'Vedteke av', 'Decided by'],
  kommuneCasesStatus: [
    '{decided} av {total} kommunestyrer har behandlet saken, {no} har sagt nei.',
    '{decided} av {total} kommunestyre har handsama saka, {no} har sagt nei.',
    '{decided} of {total} kommunestyrer have decided, {no} said no.',
  ],
  forstudieDefinite: ['forstudien', 'forstudien', 'forstudie'],
  forprosjektDefinite: ['forprosjektet', 'forprosjektet', 'forprosjekt'],
  hovedprosjektDefinite: ['hovedprosjektet', 'hovudprosjektet', 'hovedprosjekt'],
} as const;

export type DocumentWord = keyof typeof DOCUMENT_WORDS;

export function documentWord(key: DocumentWord, lang: Lang, params: Record<string, string | number> = {}): string {
  return DOCUMENT_WORDS[key][INDEX[lang]].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Labels of stored values (budget categories, states, outcomes), by the value. */
export const VALUE_WORDS: Record<string, Words> = {
  // Budget categories, financing sources and statuses: the same words as the web app's budget.
  ...BUDGET_WORDS,
  approved: ['Godkjent', 'Godkjend', 'Approved'],
  approved_with_conditions: ['Godkjent med vilkår', 'Godkjend med vilkår', 'Approved with conditions'],
  sent_back: ['Sendt tilbake', 'Sendt tilbake', 'Sent back'],
  stopped: ['Stanset', 'Stansa', 'Stopped'],
  draft: ['Utkast', 'Utkast', 'Draft'],
  submitted: ['Sendt til vurdering', 'Sendt til vurdering', 'Submitted'],
  accepted: ['Godkjent', 'Godkjend', 'Accepted'],
  returned: ['Sendt tilbake med kommentar', 'Sendt tilbake med kommentar', 'Returned with comment'],
  not_required: ['Ikke påkrevd', 'Ikkje påkravd', 'Not required'],
  not_started: ['Ikke startet', 'Ikkje starta', 'Not started'],
  in_progress: ['Pågår', 'Pågår', 'In progress'],
  awaiting_decision: ['Venter på beslutning', 'Ventar på avgjerd', 'Awaiting decision'],
  completed: ['Fullført', 'Fullført', 'Completed'],
  // A kommunestyre's decision on its share, and a condition's follow-up.
  pending: ['Ikke behandlet ennå', 'Ikkje handsama enno', 'Not decided yet'],
  yes: ['Ja', 'Ja', 'Yes'],
  yes_with_changes: ['Ja, med endringer', 'Ja, med endringar', 'Yes, with changes'],
  no: ['Nei', 'Nei', 'No'],
  not_handled: ['Ikke behandlet innen fristen', 'Ikkje handsama innan fristen', 'Not handled by the deadline'],
  open: ['Åpent', 'Ope', 'Open'],
  met: ['Oppfylt', 'Oppfylt', 'Met'],
  waived: ['Frafalt', 'Fråfalle', 'Waived'],
};

export function valueWord(value: string, lang: Lang): string {
  return VALUE_WORDS[value]?.[INDEX[lang]] ?? value;
}

/** The column headings and values of the portfolio export (CSV and Excel). */
export const EXPORT_WORDS = {
  sheet: ['Portefølje', 'Portefølje', 'Portfolio'],
  project: ['Prosjekt', 'Prosjekt', 'Project'],
  region: ['Region', 'Region', 'Region'],
  county: ['Fylke', 'Fylke', 'County'],
  status: ['Status', 'Status', 'Status'],
  phase: ['Fase', 'Fase', 'Phase'],
  phaseState: ['Fasestatus', 'Fasestatus', 'Phase status'],
  phaseStarted: ['Fase startet', 'Fase starta', 'Phase started'],
  monthsInPhase: ['Måneder i fasen', 'Månader i fasen', 'Months in the phase'],
  recommendedMonths: ['Anbefalt lengde (måneder)', 'Tilrådd lengd (månader)', 'Recommended length (months)'],
  duration: ['Varighet', 'Varigheit', 'Duration'],
  latestReport: ['Siste statusrapport', 'Siste statusrapport', 'Latest status report'],
  overall: ['Samlet status', 'Samla status', 'Overall status'],
  progress: ['Fremdrift', 'Framdrift', 'Progress'],
  economy: ['Økonomi', 'Økonomi', 'Finances'],
  risk: ['Risiko', 'Risiko', 'Risk'],
  overdue: ['Forfalte leveranser', 'Forfalne leveransar', 'Overdue deliverables'],
  nextGate: ['Neste beslutningspunkt', 'Neste avgjerdspunkt', 'Next decision point'],
  after: ['Etter', 'Etter', 'After'],
  expectedDate: ['Forventet dato', 'Venta dato', 'Expected date'],
  leader: ['Prosjektleder', 'Prosjektleiar', 'Project leader'],
  leaderEmail: ['E-post prosjektleder', 'E-post prosjektleiar', 'Project leader’s e-mail'],
  active: ['Aktiv', 'Aktiv', 'Active'],
  completed: ['Fullført', 'Fullført', 'Completed'],
  stopped: ['Stoppet', 'Stoppa', 'Stopped'],
  not_started: ['Ikke startet', 'Ikkje starta', 'Not started'],
  in_progress: ['Pågår', 'Pågår', 'In progress'],
  awaiting_decision: ['Venter på vedtak', 'Ventar på vedtak', 'Awaiting decision'],
  unknown: ['Ukjent', 'Ukjend', 'Unknown'],
  within: ['Innenfor anbefalt', 'Innanfor tilrådd', 'Within the recommendation'],
  short: ['Kortere enn anbefalt', 'Kortare enn tilrådd', 'Shorter than recommended'],
  // A phase in progress that has not yet reached the recommended minimum (durationReading).
  under_way: [
    'Pågår, ikke nådd anbefalt lengde ennå',
    'Pågår, ikkje nådd tilrådd lengd enno',
    'Under way, not yet at the recommended length',
  ],
  long: ['Lengre enn anbefalt', 'Lengre enn tilrådd', 'Longer than recommended'],
  no_recommendation: ['Ingen anbefaling', 'Inga tilråding', 'No recommendation'],
  green: ['Grønn', 'Grøn', 'Green'],
  yellow: ['Gul', 'Gul', 'Yellow'],
  red: ['Rød', 'Raud', 'Red'],
  // What each case waits on, and since when (issue 11).
  waitingOn: ['Venter på', 'Ventar på', 'Waiting on'],
  waitingSince: ['Venter siden', 'Ventar sidan', 'Waiting since'],
  kommuner: ['Kommunestyrene', 'Kommunestyra', 'The kommunestyrer'],
} as const satisfies Record<string, Words>;

export type ExportWord = keyof typeof EXPORT_WORDS;

export function exportWord(key: ExportWord, lang: Lang): string {
  return EXPORT_WORDS[key][INDEX[lang]];
}
