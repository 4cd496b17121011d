import type { BenefitTrend, Lang } from '@nvr/shared';

/** The words of the benefits register's exports and report, in bokmål, nynorsk and English. */
type Words = readonly [nb: string, nn: string, en: string];
const LANG_INDEX: Record<Lang, 0 | 1 | 2> = { nb: 0, nn: 1, en: 2 };

export const BENEFIT_WORDS = {
  sheetBenefits: ['Gevinster', 'Gevinstar', 'Benefits'],
  sheetMeasurements: ['Målinger', 'Målingar', 'Measurements'],
  number: ['Nr.', 'Nr.', 'No.'],
  benefit: ['Gevinst', 'Gevinst', 'Benefit'],
  description: ['Beskrivelse', 'Skildring', 'Description'],
  area: ['Gevinstområde', 'Gevinstområde', 'Benefit area'],
  noArea: ['Frittstående', 'Frittståande', 'Stands alone'],
  owner: ['Eier', 'Eigar', 'Owner'],
  noOwner: ['Ingen eier', 'Ingen eigar', 'No owner'],
  indicator: ['Indikator', 'Indikator', 'Indicator'],
  unit: ['Enhet', 'Eining', 'Unit'],
  startValue: ['Startverdi', 'Startverdi', 'Start value'],
  startDate: ['Startdato', 'Startdato', 'Start date'],
  targetValue: ['Målverdi', 'Målverdi', 'Target value'],
  targetDate: ['Måldato', 'Måldato', 'Target date'],
  latestDate: ['Siste måling', 'Siste måling', 'Latest measurement'],
  latestValue: ['Siste verdi', 'Siste verdi', 'Latest value'],
  share: ['Andel av veien til målet', 'Del av vegen til målet', 'Share of the way to the target'],
  trend: ['Status', 'Status', 'Status'],
  closed: ['Avsluttet', 'Avslutta', 'Closed'],
  yes: ['Ja', 'Ja', 'Yes'],
  no: ['Nei', 'Nei', 'No'],
  date: ['Dato', 'Dato', 'Date'],
  value: ['Verdi', 'Verdi', 'Value'],
  comment: ['Kommentar', 'Kommentar', 'Comment'],
  recordedBy: ['Registrert av', 'Registrert av', 'Recorded by'],
  start: ['Start', 'Start', 'Start'],
  target: ['Mål', 'Mål', 'Target'],
  noIndicators: ['Ingen indikatorer ennå.', 'Ingen indikatorar enno.', 'No indicators yet.'],
  noMeasurements: ['Ikke målt ennå.', 'Ikkje målt enno.', 'Not measured yet.'],
  // The report
  reportKind: ['Gevinstrapport', 'Gevinstrapport', 'Benefits report'],
  reportTitle: ['Gevinster i {project}', 'Gevinstar i {project}', 'Benefits of {project}'],
  region: ['Region', 'Region', 'Region'],
  projectStatus: ['Prosjektets status', 'Prosjektet sin status', 'Project status'],
  summary: ['Oppsummering', 'Samandrag', 'Summary'],
  summaryText: [
    '{n} gevinster: {reached} nådd, {onTrack} i rute, {behind} bak planen, {none} ikke målt ennå.',
    '{n} gevinstar: {reached} nådd, {onTrack} i rute, {behind} bak planen, {none} ikkje målt enno.',
    '{n} benefits: {reached} reached, {onTrack} on track, {behind} behind, {none} not measured yet.',
  ],
  noBenefits: [
    'Prosjektet har ingen gevinster registrert.',
    'Prosjektet har ingen gevinstar registrerte.',
    'The project has no benefits recorded.',
  ],
  method: [
    'Status for hver indikator leses av siste måling: «nådd» når målverdien er nådd, «i rute» når den har kommet minst like langt fra startverdien mot målverdien som tiden har gått fra startdato mot måldato, ellers «bak planen».',
    'Status for kvar indikator blir lesen av siste måling: «nådd» når målverdien er nådd, «i rute» når han har kome minst like langt frå startverdien mot målverdien som tida har gått frå startdato mot måldato, elles «bak planen».',
    'The status of each indicator is read from its latest measurement: “reached” when the target value is reached, “on track” when it has come at least as far from the start value towards the target as the time has from the start date towards the target date, otherwise “behind”.',
  ],
  handedOver: ['Overlevert til eier {date}', 'Overlevert til eigar {date}', 'Handed over to its owner {date}'],
  active: ['Pågår', 'Pågår', 'Active'],
  completed: ['Avsluttet', 'Avslutta', 'Completed'],
  stopped: ['Stoppet', 'Stoppa', 'Stopped'],
  footer: ['Laget {date} fra Næringsvennlig region', 'Laga {date} frå Næringsvennlig region', 'Made {date} from Næringsvennlig region'],
  fileStem: ['gevinster', 'gevinstar', 'benefits'],
} as const satisfies Record<string, Words>;

export type BenefitWord = keyof typeof BENEFIT_WORDS;

export function benefitWord(key: BenefitWord, lang: Lang, params: Record<string, string | number> = {}): string {
  return BENEFIT_WORDS[key][LANG_INDEX[lang]].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

const TREND_WORDS: Record<BenefitTrend, Words> = {
  no_measurement: ['Ikke målt', 'Ikkje målt', 'Not measured'],
  on_track: ['I rute', 'I rute', 'On track'],
  behind: ['Bak planen', 'Bak planen', 'Behind'],
  reached: ['Nådd', 'Nådd', 'Reached'],
};

export function trendWord(trend: BenefitTrend, lang: Lang): string {
  return TREND_WORDS[trend][LANG_INDEX[lang]];
}

const NUMBER_FORMATS: Record<'no' | 'en', Intl.NumberFormat> = {
  no: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 }),
};

/** A value the language's way ("1 234,5" / "1,234.5"), with a hyphen-minus the PDF fonts can print. */
export function formatValue(n: number, lang: Lang): string {
  return NUMBER_FORMATS[lang === 'en' ? 'en' : 'no']
    .format(n)
    .replace(/\u2212/g, '-')
    .replace(/\u202f/g, '\u00a0');
}

/** A share of the way as a whole percent: "63 %" in Norwegian, "63%" in English. */
export function formatShare(share: number | null, lang: Lang): string {
  if (share === null) return '–';
  const percent = Math.round(share * 100);
  return lang === 'en' ? `${percent}%` : `${percent}\u00a0%`;
}

/** A date as dd.mm.yyyy (Norwegian) or 24 March 2026 (English). */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (lang !== 'en') return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
