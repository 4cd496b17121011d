import type { ConversationKind, Lang, NeedCategory, RecommendationStatus } from '@nvr/shared';

/**
 * The words of the first drafts (first-draft.ts), in bokmål, nynorsk and English, kept like the
 * documents' words (shared/src/words.ts): each entry is [nb, nn, en]; `{name}` is filled in.
 */
type Words = readonly [nb: string, nn: string, en: string];

const INDEX: Record<Lang, 0 | 1 | 2> = { nb: 0, nn: 1, en: 2 };

export const FIRST_DRAFT_WORDS = {
  draftNote: [
    'Førsteutkast laget fra kartleggingen {date}. Les gjennom, rett og utfyll teksten før du sender leveransen.',
    'Førsteutkast laga frå kartlegginga {date}. Les gjennom, rett og fyll ut teksten før du sender leveransen.',
    'First draft made from the mapping on {date}. Read it through, correct and complete it before you submit the deliverable.',
  ],
  method: ['Metode', 'Metode', 'Method'],
  surveyOpenedClosed: [
    'Spørreundersøkelsen «{title}» var åpen fra {from} til {to} og fikk {count} svar.',
    'Spørjeundersøkinga «{title}» var open frå {from} til {to} og fekk {count} svar.',
    'The survey “{title}” was open from {from} to {to} and received {count} answers.',
  ],
  surveyOpen: [
    'Spørreundersøkelsen «{title}» har vært åpen siden {from} og har fått {count} svar så langt.',
    'Spørjeundersøkinga «{title}» har vore open sidan {from} og har fått {count} svar så langt.',
    'The survey “{title}” has been open since {from} and has received {count} answers so far.',
  ],
  surveyNotOpened: [
    'Spørreundersøkelsen «{title}» er ikke åpnet ennå ({count} svar).',
    'Spørjeundersøkinga «{title}» er ikkje opna enno ({count} svar).',
    'The survey “{title}” has not been opened yet ({count} answers).',
  ],
  linksGeneralAndKommuner: [
    'Den ble delt med en felles lenke og egne lenker for {kommuner}.',
    'Ho vart delt med ei felles lenkje og eigne lenkjer for {kommuner}.',
    'It was shared through a general link and separate links for {kommuner}.',
  ],
  linksGeneral: ['Den ble delt med en felles lenke.', 'Ho vart delt med ei felles lenkje.', 'It was shared through a general link.'],
  linksKommuner: [
    'Den ble delt med egne lenker for {kommuner}.',
    'Ho vart delt med eigne lenkjer for {kommuner}.',
    'It was shared through separate links for {kommuner}.',
  ],
  anonymous: [
    'Svarene er anonyme; grupper med færre enn {min} svar vises ikke i krysstabeller.',
    'Svara er anonyme; grupper med færre enn {min} svar blir ikkje viste i krysstabellar.',
    'Answers are anonymous; groups of fewer than {min} answers are not shown in cross-tabulations.',
  ],
  conversations: [
    'I tillegg ble det gjennomført {list}, med til sammen {participants} deltakere.',
    'I tillegg vart det gjennomført {list}, med til saman {participants} deltakarar.',
    'In addition, the project held {list}, with {participants} participants in all.',
  ],
  and: ['og', 'og', 'and'],
  noMapping: [
    'Ingen spørreundersøkelser eller samtaler er registrert i kartleggingen ennå.',
    'Ingen spørjeundersøkingar eller samtalar er registrerte i kartlegginga enno.',
    'No surveys or conversations have been recorded in the mapping yet.',
  ],
  results: ['Resultater: {title}', 'Resultat: {title}', 'Results: {title}'],
  answeredOf: ['{answered} av {total} svarte', '{answered} av {total} svarte', '{answered} of {total} answered'],
  multipleNote: [
    'flere svar mulig, andel av dem som svarte',
    'fleire svar moglege, del av dei som svarte',
    'several answers allowed, share of those who answered',
  ],
  mean: [
    'Gjennomsnitt {mean} på en skala fra 1 til 5',
    'Gjennomsnitt {mean} på ein skala frå 1 til 5',
    'Mean {mean} on a scale from 1 to 5',
  ],
  numberSummary: ['Gjennomsnitt {mean}, median {median}', 'Gjennomsnitt {mean}, median {median}', 'Mean {mean}, median {median}'],
  texts: [
    '{count} fritekstsvar (les dem i resultatene)',
    '{count} fritekstsvar (les dei i resultata)',
    '{count} free-text answers (read them in the results)',
  ],
  frozen: [
    'Rådataene er slettet etter lagringstiden; tallene er de lagrede tabellene.',
    'Rådata er sletta etter lagringstida; tala er dei lagra tabellane.',
    'The raw answers were deleted after the retention period; the figures are the stored tables.',
  ],
  needs: [
    'Behov på tvers av undersøkelser og samtaler',
    'Behov på tvers av undersøkingar og samtalar',
    'Needs across surveys and conversations',
  ],
  needLine: ['{need}: {respondents}, {conversations}', '{need}: {respondents}, {conversations}', '{need}: {respondents}, {conversations}'],
  noNeeds: ['Ingen behov er registrert ennå.', 'Ingen behov er registrerte enno.', 'No needs have been recorded yet.'],
  conversationList: ['Intervjuer, møter og workshoper', 'Intervju, møte og workshopar', 'Interviews, meetings and workshops'],
  revealedNeeds: ['Behov: {needs}', 'Behov: {needs}', 'Needs: {needs}'],
  recommendation: ['Anbefaling {n}: {title}', 'Tilråding {n}: {title}', 'Recommendation {n}: {title}'],
  reasoning: ['Begrunnelse: {text}', 'Grunngjeving: {text}', 'Reasoning: {text}'],
  evidence: ['Grunnlag: {text}', 'Grunnlag: {text}', 'Evidence: {text}'],
  sources: ['Kilder: {list}', 'Kjelder: {list}', 'Sources: {list}'],
  sourceSurvey: ['spørreundersøkelsen «{title}»', 'spørjeundersøkinga «{title}»', 'the survey “{title}”'],
  sourceQuestion: ['spørsmålet «{question}» i «{title}»', 'spørsmålet «{question}» i «{title}»', 'the question “{question}” in “{title}”'],
  sourceConversation: ['{kind} «{title}» {date}', '{kind} «{title}» {date}', '{kind} “{title}” {date}'],
  models: ['Modeller som er sammenlignet: {text}', 'Modellar som er samanlikna: {text}', 'Models compared: {text}'],
  status: ['Status: {status}', 'Status: {status}', 'Status: {status}'],
  statusNote: ['Merknad: {text}', 'Merknad: {text}', 'Note: {text}'],
  noRecommendations: [
    'Ingen anbefalinger er registrert ennå. Skriv dem i anbefalingsregisteret, og lag utkastet på nytt.',
    'Ingen tilrådingar er registrerte enno. Skriv dei i tilrådingsregisteret, og lag utkastet på nytt.',
    'No recommendations have been recorded yet. Write them in the recommendations register and make the draft again.',
  ],
} as const satisfies Record<string, Words>;

export type FirstDraftWord = keyof typeof FIRST_DRAFT_WORDS;

/** The word in the language, with `{name}` filled in from params. */
export function draftWord(key: FirstDraftWord, lang: Lang, params: Record<string, string | number> = {}): string {
  return FIRST_DRAFT_WORDS[key][INDEX[lang]].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

const COUNTED_WORDS = {
  respondent: [
    ['respondent', 'respondent', 'respondent'],
    ['respondenter', 'respondentar', 'respondents'],
  ],
  conversation: [
    ['samtale', 'samtale', 'conversation'],
    ['samtaler', 'samtalar', 'conversations'],
  ],
  participant: [
    ['deltaker', 'deltakar', 'participant'],
    ['deltakere', 'deltakarar', 'participants'],
  ],
} as const satisfies Record<string, readonly [singular: Words, plural: Words]>;

/** "1 deltaker", "30 deltakere" */
export function counted(word: keyof typeof COUNTED_WORDS, count: number, lang: Lang): string {
  return `${count} ${COUNTED_WORDS[word][count === 1 ? 0 : 1][INDEX[lang]]}`;
}

const KIND_WORDS: Record<ConversationKind, readonly [singular: Words, plural: Words]> = {
  interview: [
    ['intervju', 'intervju', 'interview'],
    ['intervjuer', 'intervju', 'interviews'],
  ],
  meeting: [
    ['møte', 'møte', 'meeting'],
    ['møter', 'møte', 'meetings'],
  ],
  workshop: [
    ['workshop', 'workshop', 'workshop'],
    ['workshoper', 'workshopar', 'workshops'],
  ],
};

/** "3 intervjuer", "1 møte" */
export function kindCount(kind: ConversationKind, count: number, lang: Lang): string {
  return `${count} ${KIND_WORDS[kind][count === 1 ? 0 : 1][INDEX[lang]]}`;
}

/** "Intervju", capitalised for the start of a line. */
export function kindWord(kind: ConversationKind, lang: Lang): string {
  const w = KIND_WORDS[kind][0][INDEX[lang]];
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const NEED_WORDS: Record<NeedCategory, Words> = {
  infrastructure_planning: ['Infrastruktur og planlegging', 'Infrastruktur og planlegging', 'Infrastructure and planning'],
  business_land: ['Næringsarealer', 'Næringsareal', 'Business land'],
  building_permits: ['Byggesaksbehandling', 'Byggjesakshandsaming', 'Building permits'],
  business_development: ['Næringsutvikling', 'Næringsutvikling', 'Business development'],
  service: ['Service og tilgjengelighet', 'Service og tilgjenge', 'Service and availability'],
  dialogue: ['Dialog med kommunen', 'Dialog med kommunen', 'Dialogue with the kommune'],
  competence: ['Kompetanse', 'Kompetanse', 'Competence'],
  network: ['Nettverk og kontakter', 'Nettverk og kontaktar', 'Networks and contacts'],
  financing: ['Finansiering', 'Finansiering', 'Financing'],
  recruitment: ['Rekruttering', 'Rekruttering', 'Recruitment'],
  statistics: ['Statistikk og analyser', 'Statistikk og analysar', 'Statistics and analyses'],
  other: ['Annet', 'Anna', 'Other'],
};

export function needWord(need: NeedCategory, lang: Lang): string {
  return NEED_WORDS[need]?.[INDEX[lang]] ?? need;
}

const STATUS_WORDS: Record<RecommendationStatus, Words> = {
  proposed: ['Foreslått av prosjektet', 'Føreslått av prosjektet', 'Proposed by the project'],
  put_to_owner: ['Lagt fram for prosjekteier', 'Lagt fram for prosjekteigar', 'Put to the project owner'],
  adopted: ['Vedtatt av prosjekteier', 'Vedteken av prosjekteigar', 'Adopted by the project owner'],
  rejected: ['Avvist av prosjekteier', 'Avvist av prosjekteigar', 'Rejected by the project owner'],
  examine_next: ['Skal utredes i forprosjektet', 'Skal greiast ut i forprosjektet', 'To be examined in the forprosjekt'],
};

export function statusWord(status: RecommendationStatus, lang: Lang): string {
  return STATUS_WORDS[status]?.[INDEX[lang]] ?? status;
}

const oneDecimal = (locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Built once per language: a formatter costs far more to make than to use. */
const ONE_DECIMAL: Record<Lang, Intl.NumberFormat> = { nb: oneDecimal('nb-NO'), nn: oneDecimal('nn-NO'), en: oneDecimal('en-GB') };

/** One decimal in the language's form: "3,4" / "3.4". */
export function decimal(n: number, lang: Lang): string {
  return ONE_DECIMAL[lang].format(n).replace('\u2212', '-');
}

/** "a, b og c" */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${draftWord('and', lang)} ${items[items.length - 1]}`;
}
