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
  printed: ['Skrevet ut', 'Skrive ut', 'Printed'],
  from: ['fra Næringsvennlig region', 'frå Næringsvennleg region', 'from Næringsvennlig region'],
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
  costSharing: [
    'Fordeling av kommunenes direkte finansiering',
    'Fordeling av den direkte finansieringa frå kommunane',
    'Sharing of the kommuner’s direct contribution',
  ],
  kommune: ['Kommune', 'Kommune', 'Kommune'],
  population: ['Innbyggere', 'Innbyggjarar', 'Population'],
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
} as const;

export type DocumentWord = keyof typeof DOCUMENT_WORDS;

export function documentWord(key: DocumentWord, lang: Lang): string {
  return DOCUMENT_WORDS[key][INDEX[lang]];
}

/** Labels of stored values (budget categories, states, outcomes), by the value. */
export const VALUE_WORDS: Record<string, Words> = {
  project_management: ['Prosjektledelse', 'Prosjektleiing', 'Project management'],
  rent_equipment: ['Husleie og utstyr', 'Husleige og utstyr', 'Rent and equipment'],
  consultants: ['Konsulenttjenester', 'Konsulenttenester', 'Consultants'],
  material_communication: ['Materiell og formidling', 'Materiell og formidling', 'Material and communication'],
  meetings_travel: ['Møter og reiser', 'Møte og reiser', 'Meetings and travel'],
  own_work: ['Egeninnsats', 'Eigeninnsats', 'Own work'],
  innovasjon_norge: ['Innovasjon Norge', 'Innovasjon Noreg', 'Innovasjon Norge'],
  fylkeskommune: ['Fylkeskommunen', 'Fylkeskommunen', 'County authority'],
  other_grants: ['Andre tilskudd', 'Andre tilskot', 'Other grants'],
  kommuner_direct: ['Kommunenes direkte finansiering', 'Direkte finansiering frå kommunane', 'Kommuner’s direct contribution'],
  applied: ['Søkt', 'Søkt', 'Applied for'],
  granted: ['Innvilget', 'Innvilga', 'Granted'],
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
  long: ['Lengre enn anbefalt', 'Lengre enn tilrådd', 'Longer than recommended'],
  no_recommendation: ['Ingen anbefaling', 'Inga tilråding', 'No recommendation'],
  green: ['Grønn', 'Grøn', 'Green'],
  yellow: ['Gul', 'Gul', 'Yellow'],
  red: ['Rød', 'Raud', 'Red'],
} as const satisfies Record<string, Words>;

export type ExportWord = keyof typeof EXPORT_WORDS;

export function exportWord(key: ExportWord, lang: Lang): string {
  return EXPORT_WORDS[key][INDEX[lang]];
}
