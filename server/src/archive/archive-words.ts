import type { DecisionOutcome, KommuneCaseOutcome, Lang } from '@nvr/shared';

/**
 * The words an archive extract writes into its metadata (titles, descriptions, party roles, notes), in the
 * language asked for. Noark's own code values (journalposttype, dokumentstatus, …) stay as the standard spells them.
 */
const WORDS = {
  nb: {
    archiveDescription: 'Saker fra beslutningspunktene i prosjektet, med saksframlegg, vedtak, protokoller og vedlegg.',
    part: 'Saker',
    gate: 'beslutningspunkt',
    caseDocumentFor: 'Saksframlegg til',
    handledBy: 'Behandling i',
    notKept:
      'Saksframlegget slik det var da saken ble sendt til behandling, ble ikke tatt vare på (saken er eldre enn den funksjonen), så det er ikke med i uttrekket.',
    decisionOf: 'Vedtak i',
    caseNumber: 'sak',
    minutesExtract: 'Protokollutdrag',
    minutes: 'Protokoll',
    condition: 'Vilkår',
    conditions: 'Vilkår',
    kommunestyre: 'Kommunestyret i',
    meeting: 'møte',
    submittedBy: 'Sendt til behandling av',
    municipality: 'Deltakerkommune',
    owner: 'Prosjekteier',
    decidingBody: 'Vedtaksorgan',
    recommendingBody: 'Innstillende organ',
    leader: 'Prosjektleder',
    outcome: {
      approved: 'Godkjent',
      approved_with_conditions: 'Godkjent med vilkår',
      sent_back: 'Sendt tilbake',
      stopped: 'Stoppet',
    },
    kommuneOutcome: {
      pending: 'ikke behandlet ennå',
      yes: 'ja',
      yes_with_changes: 'ja, med endringer',
      no: 'nei',
      not_handled: 'ikke behandlet',
    },
  },
  nn: {
    archiveDescription: 'Saker frå avgjerdspunkta i prosjektet, med saksframlegg, vedtak, protokollar og vedlegg.',
    part: 'Saker',
    gate: 'avgjerdspunkt',
    caseDocumentFor: 'Saksframlegg til',
    handledBy: 'Handsaming i',
    notKept:
      'Saksframlegget slik det var då saka vart send til handsaming, vart ikkje teke vare på (saka er eldre enn den funksjonen), så det er ikkje med i uttrekket.',
    decisionOf: 'Vedtak i',
    caseNumber: 'sak',
    minutesExtract: 'Protokollutdrag',
    minutes: 'Protokoll',
    condition: 'Vilkår',
    conditions: 'Vilkår',
    kommunestyre: 'Kommunestyret i',
    meeting: 'møte',
    submittedBy: 'Send til handsaming av',
    municipality: 'Deltakarkommune',
    owner: 'Prosjekteigar',
    decidingBody: 'Vedtaksorgan',
    recommendingBody: 'Innstillande organ',
    leader: 'Prosjektleiar',
    outcome: {
      approved: 'Godkjend',
      approved_with_conditions: 'Godkjend med vilkår',
      sent_back: 'Send tilbake',
      stopped: 'Stoppa',
    },
    kommuneOutcome: {
      pending: 'ikkje handsama enno',
      yes: 'ja',
      yes_with_changes: 'ja, med endringar',
      no: 'nei',
      not_handled: 'ikkje handsama',
    },
  },
  en: {
    archiveDescription: 'Cases from the decision gates of the project, with case documents, decisions, minutes and attachments.',
    part: 'Cases',
    gate: 'decision gate',
    caseDocumentFor: 'Case document for',
    handledBy: 'Handled by',
    notKept:
      'The case document as it was when the case was submitted was not kept (the case is older than that feature), so it is not in the extract.',
    decisionOf: 'Decision of',
    caseNumber: 'case',
    minutesExtract: 'Extract of the minutes',
    minutes: 'Minutes',
    condition: 'Condition',
    conditions: 'Conditions',
    kommunestyre: 'The kommunestyre of',
    meeting: 'meeting',
    submittedBy: 'Submitted for decision by',
    municipality: 'Participating kommune',
    owner: 'Project owner',
    decidingBody: 'Deciding body',
    recommendingBody: 'Recommending body',
    leader: 'Project leader',
    outcome: {
      approved: 'Approved',
      approved_with_conditions: 'Approved with conditions',
      sent_back: 'Sent back',
      stopped: 'Stopped',
    },
    kommuneOutcome: { pending: 'not yet handled', yes: 'yes', yes_with_changes: 'yes, with changes', no: 'no', not_handled: 'not handled' },
  },
} satisfies Record<
  Lang,
  Record<string, string | Record<DecisionOutcome, string> | Record<KommuneCaseOutcome, string>> & {
    outcome: Record<DecisionOutcome, string>;
    kommuneOutcome: Record<KommuneCaseOutcome, string>;
  }
>;

export type ArchiveWords = (typeof WORDS)['nb'];

export function archiveWords(lang: Lang): ArchiveWords {
  return WORDS[lang];
}
