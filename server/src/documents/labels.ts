import type { Lang } from '@nvr/shared';

/** The words of the documents, in bokmål, nynorsk and English (the UI's own strings live in web/src/locales). */
const L = {
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

export type LabelKey = keyof typeof L;
const INDEX: Record<Lang, number> = { nb: 0, nn: 1, en: 2 };

export function label(key: LabelKey, lang: Lang): string {
  return L[key][INDEX[lang]];
}

const ENUMS: Record<string, [string, string, string]> = {
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

export function enumLabel(value: string, lang: Lang): string {
  return ENUMS[value]?.[INDEX[lang]] ?? value;
}

const LOCALE: Record<Lang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

export function kroner(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 }).format(n);
}

export function date(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
