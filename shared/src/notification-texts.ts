/**
 * The e-mails the server sends, in bokmål, nynorsk and English: one subject and body per notification
 * kind, from the facts (params) the notification carries. The server renders each e-mail in its
 * recipient's language; the in-app notification keeps the bokmål text as a fallback, and the web app
 * renders its own text from the same kind and params in the reader's language.
 */
import type { IsoDate } from './dates';
import { numericDate } from './dates';
import { phaseSpec, type DecisionOutcome, type Lang, type PhaseKey } from './plp';
import type { NotificationKind } from './reminders';
import { valueWord } from './words';

/** The languages a person can choose: the web app and their e-mails are in it. */
export const LANGUAGES = ['nb', 'nn', 'en'] as const satisfies readonly Lang[];

/** The facts each kind of notification carries (stored as its params; the web reads them too). */
export interface NotificationParams {
  mention: { commentTargetType: string; commentTargetId: string; projectName: string; excerpt: string };
  deliverable_due_soon: { dueDate: IsoDate; deliverableTitle: string; projectName: string };
  deliverable_overdue: { dueDate: IsoDate; deliverableTitle: string; projectName: string };
  phase_too_long: { phaseKey: PhaseKey; months: number; min: number | null; max: number | null; projectName: string };
  gate_awaiting_decision: { phaseKey: PhaseKey; submittedOn: IsoDate; bodyName: string; projectName: string };
  status_report_due: { period: string; projectName: string };
  gate_submitted: { phaseKey: PhaseKey; bodyName: string; projectName: string };
  case_at_body: { phaseKey: PhaseKey; bodyName: string; projectName: string };
  gate_decided: { phaseKey: PhaseKey; outcome: DecisionOutcome; bodyName: string; projectName: string };
  deliverable_reviewed: { title: string; outcome: 'accepted' | 'returned'; projectName: string };
  kommune_case_opened: { phaseKey: PhaseKey; deadline: IsoDate; projectName: string };
  kommune_deadline_near: { phaseKey: PhaseKey; deadline: IsoDate; kommuneName: string; overdue: boolean; projectName: string };
  condition_due: { dueDate: IsoDate; conditionText: string; phaseKey: PhaseKey; overdue: boolean; projectName: string };
  /**
   * The yearly reminder to a benefits owner: every benefit of theirs whose measurement is due and that they
   * have not been reminded of this year, one notification for them all.
   */
  benefit_measurement_due: { benefits: DueBenefit[] };
}

/** A benefit in the yearly reminder; lastMeasuredOn is null when nothing was ever measured. */
export interface DueBenefit {
  id: string;
  title: string;
  projectName: string;
  lastMeasuredOn: IsoDate | null;
}

// Every notification kind has params, and nothing else does (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const EVERY_KIND_HAS_PARAMS: Same<keyof NotificationParams, NotificationKind> = true;
void EVERY_KIND_HAS_PARAMS;

/** A kind with its params: what the catalogue renders. */
export type NotificationMessage = { [K in NotificationKind]: { kind: K; params: NotificationParams[K] } }[NotificationKind];

/** What a rendering needs beyond the params. */
export interface NotificationContext {
  /** The person who acted (a mention names them). */
  actorName?: string | null;
}

export interface NotificationText {
  subject: string;
  body: string;
}

/** Language-bound helpers the texts use: dates, phase names and outcomes in the reader's language. */
interface Say {
  date(date: IsoDate): string;
  /** The phase's name as a title, at the start of a sentence: "Forstudie", "Forstudie (pre-study)". */
  phase(key: PhaseKey): string;
  /** The phase's name mid-sentence: "forstudie", "forstudie (pre-study)". */
  phaseLower(key: PhaseKey): string;
  outcome(outcome: DecisionOutcome): string;
  /** A month ('2026-03') as words: "mars 2026", "March 2026". */
  month(period: string): string;
  /** Items in a sentence: "a, b og c", "a, b and c". */
  list(items: readonly string[]): string;
  actor: string;
}

type Texts = { [K in NotificationKind]: (p: NotificationParams[K], say: Say) => NotificationText };

const range = (p: { min: number | null; max: number | null }) => (p.min !== null && p.max !== null ? `${p.min}–${p.max}` : null);

const NB: Texts = {
  mention: (p, s) => ({ subject: `${s.actor} nevnte deg i en kommentar`, body: `${s.actor} skrev i ${p.projectName}: «${p.excerpt}»` }),
  deliverable_due_soon: (p, s) => ({
    subject: `Frist ${s.date(p.dueDate)}: ${p.deliverableTitle}`,
    body: `Leveransen «${p.deliverableTitle}» i ${p.projectName} har frist ${s.date(p.dueDate)}.`,
  }),
  deliverable_overdue: (p, s) => ({
    subject: `Forfalt: ${p.deliverableTitle}`,
    body: `Leveransen «${p.deliverableTitle}» i ${p.projectName} hadde frist ${s.date(p.dueDate)} og er ikke levert.`,
  }),
  phase_too_long: (p, s) => ({
    subject: `${s.phase(p.phaseKey)} har pågått i ${p.months} måneder`,
    body:
      `${s.phase(p.phaseKey)} i ${p.projectName} har pågått i ${p.months} måneder` +
      (range(p) ? `; anbefalt lengde er ${range(p)} måneder.` : '.'),
  }),
  gate_awaiting_decision: (p, s) => ({
    subject: `Venter på vedtak: ${s.phase(p.phaseKey)} i ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} i ${p.projectName} ble sendt til behandling ${s.date(p.submittedOn)} og venter på vedtak. Saken ligger nå hos ${p.bodyName}.`,
  }),
  status_report_due: (p, s) => ({
    subject: `Statusrapport for ${s.month(p.period)} mangler`,
    body: `Statusrapporten for ${s.month(p.period)} i ${p.projectName} skulle vært publisert innen den 5.`,
  }),
  gate_submitted: (p, s) => ({
    subject: `Til behandling: ${s.phase(p.phaseKey)} i ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} i ${p.projectName} er sendt til behandling. Saken ligger nå hos ${p.bodyName}.`,
  }),
  case_at_body: (p, s) => ({
    subject: `Saken er hos ${p.bodyName}: ${s.phase(p.phaseKey)} i ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} i ${p.projectName} er behandlet i forrige organ og skal nå behandles av ${p.bodyName}.`,
  }),
  gate_decided: (p, s) => ({
    subject: `Vedtak: ${s.phase(p.phaseKey)} i ${p.projectName} er ${s.outcome(p.outcome)}`,
    body: `${p.bodyName} har behandlet ${s.phaseLower(p.phaseKey)} i ${p.projectName}. Vedtak: ${s.outcome(p.outcome)}.`,
  }),
  deliverable_reviewed: (p) =>
    p.outcome === 'accepted'
      ? { subject: `Leveranse godkjent: ${p.title}`, body: `Leveransen «${p.title}» i ${p.projectName} er godkjent.` }
      : {
          subject: `Leveranse sendt tilbake: ${p.title}`,
          body: `Leveransen «${p.title}» i ${p.projectName} er sendt tilbake med kommentar og må gjøres ferdig på nytt.`,
        },
  kommune_case_opened: (p, s) => ({
    subject: `Sak til kommunestyrene: ${p.projectName}, frist ${s.date(p.deadline)}`,
    body:
      `${s.phase(p.phaseKey)} i ${p.projectName} er sendt til behandling, og neste fase trenger finansiering fra kommunene. ` +
      `Hvert kommunestyre må behandle saken innen ${s.date(p.deadline)}; registrer vedtaket når det foreligger.`,
  }),
  kommune_deadline_near: (p, s) =>
    p.overdue
      ? {
          subject: `Fristen er ute: ${p.kommuneName} kommunestyre, ${p.projectName}`,
          body: `Kommunestyret i ${p.kommuneName} skulle behandlet saken om ${p.projectName} innen ${s.date(p.deadline)}. Registrer vedtaket, eller at saken ikke ble behandlet innen fristen.`,
        }
      : {
          subject: `Frist ${s.date(p.deadline)}: ${p.kommuneName} kommunestyre, ${p.projectName}`,
          body: `Kommunestyret i ${p.kommuneName} må behandle saken om ${p.projectName} innen ${s.date(p.deadline)}. Registrer vedtaket når det foreligger.`,
        },
  condition_due: (p, s) => ({
    subject: p.overdue ? `Forfalt vilkår i ${p.projectName}` : `Vilkår med frist ${s.date(p.dueDate)} i ${p.projectName}`,
    body: `Vilkåret «${p.conditionText}» i ${p.projectName} ${p.overdue ? 'hadde' : 'har'} frist ${s.date(p.dueDate)} og er ikke oppfylt.`,
  }),
  benefit_measurement_due: ({ benefits: [one, ...more] }, s) =>
    more.length === 0
      ? {
          subject: `Tid for årets måling: ${one.title}`,
          body:
            `Du er eier av gevinsten «${one.title}» i ${one.projectName}. ` +
            (one.lastMeasuredOn ? `Siste måling er fra ${s.date(one.lastMeasuredOn)}` : 'Den er ikke målt ennå') +
            '; registrer årets måling av indikatorene.',
        }
      : {
          subject: `Tid for årets måling: ${more.length + 1} gevinster`,
          body:
            `Du er eier av ${more.length + 1} gevinster som ikke er målt på et år: ` +
            s.list(
              [one, ...more].map(
                (b) =>
                  `«${b.title}» i ${b.projectName} (${b.lastMeasuredOn ? `siste måling ${s.date(b.lastMeasuredOn)}` : 'ikke målt ennå'})`,
              ),
            ) +
            '. Registrer årets måling av indikatorene.',
        },
};

const NN: Texts = {
  mention: (p, s) => ({ subject: `${s.actor} nemnde deg i ein kommentar`, body: `${s.actor} skreiv i ${p.projectName}: «${p.excerpt}»` }),
  deliverable_due_soon: (p, s) => ({
    subject: `Frist ${s.date(p.dueDate)}: ${p.deliverableTitle}`,
    body: `Leveransen «${p.deliverableTitle}» i ${p.projectName} har frist ${s.date(p.dueDate)}.`,
  }),
  deliverable_overdue: (p, s) => ({
    subject: `Forfallen: ${p.deliverableTitle}`,
    body: `Leveransen «${p.deliverableTitle}» i ${p.projectName} hadde frist ${s.date(p.dueDate)} og er ikkje levert.`,
  }),
  phase_too_long: (p, s) => ({
    subject: `${s.phase(p.phaseKey)} har vart i ${p.months} månader`,
    body:
      `${s.phase(p.phaseKey)} i ${p.projectName} har vart i ${p.months} månader` +
      (range(p) ? `; tilrådd lengd er ${range(p)} månader.` : '.'),
  }),
  gate_awaiting_decision: (p, s) => ({
    subject: `Ventar på vedtak: ${s.phase(p.phaseKey)} i ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} i ${p.projectName} vart send til handsaming ${s.date(p.submittedOn)} og ventar på vedtak. Saka ligg no hos ${p.bodyName}.`,
  }),
  status_report_due: (p, s) => ({
    subject: `Statusrapport for ${s.month(p.period)} manglar`,
    body: `Statusrapporten for ${s.month(p.period)} i ${p.projectName} skulle vore publisert innan den 5.`,
  }),
  gate_submitted: (p, s) => ({
    subject: `Til handsaming: ${s.phase(p.phaseKey)} i ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} i ${p.projectName} er send til handsaming. Saka ligg no hos ${p.bodyName}.`,
  }),
  case_at_body: (p, s) => ({
    subject: `Saka er hos ${p.bodyName}: ${s.phase(p.phaseKey)} i ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} i ${p.projectName} er handsama i førre organ og skal no handsamast av ${p.bodyName}.`,
  }),
  gate_decided: (p, s) => ({
    subject: `Vedtak: ${s.phase(p.phaseKey)} i ${p.projectName} er ${s.outcome(p.outcome)}`,
    body: `${p.bodyName} har handsama ${s.phaseLower(p.phaseKey)} i ${p.projectName}. Vedtak: ${s.outcome(p.outcome)}.`,
  }),
  deliverable_reviewed: (p) =>
    p.outcome === 'accepted'
      ? { subject: `Leveranse godkjend: ${p.title}`, body: `Leveransen «${p.title}» i ${p.projectName} er godkjend.` }
      : {
          subject: `Leveranse send tilbake: ${p.title}`,
          body: `Leveransen «${p.title}» i ${p.projectName} er send tilbake med kommentar og må gjerast ferdig på nytt.`,
        },
  kommune_case_opened: (p, s) => ({
    subject: `Sak til kommunestyra: ${p.projectName}, frist ${s.date(p.deadline)}`,
    body:
      `${s.phase(p.phaseKey)} i ${p.projectName} er send til handsaming, og neste fase treng finansiering frå kommunane. ` +
      `Kvart kommunestyre må handsame saka innan ${s.date(p.deadline)}; registrer vedtaket når det ligg føre.`,
  }),
  kommune_deadline_near: (p, s) =>
    p.overdue
      ? {
          subject: `Fristen er ute: ${p.kommuneName} kommunestyre, ${p.projectName}`,
          body: `Kommunestyret i ${p.kommuneName} skulle ha handsama saka om ${p.projectName} innan ${s.date(p.deadline)}. Registrer vedtaket, eller at saka ikkje vart handsama innan fristen.`,
        }
      : {
          subject: `Frist ${s.date(p.deadline)}: ${p.kommuneName} kommunestyre, ${p.projectName}`,
          body: `Kommunestyret i ${p.kommuneName} må handsame saka om ${p.projectName} innan ${s.date(p.deadline)}. Registrer vedtaket når det ligg føre.`,
        },
  condition_due: (p, s) => ({
    subject: p.overdue ? `Forfalle vilkår i ${p.projectName}` : `Vilkår med frist ${s.date(p.dueDate)} i ${p.projectName}`,
    body: `Vilkåret «${p.conditionText}» i ${p.projectName} ${p.overdue ? 'hadde' : 'har'} frist ${s.date(p.dueDate)} og er ikkje oppfylt.`,
  }),
  benefit_measurement_due: ({ benefits: [one, ...more] }, s) =>
    more.length === 0
      ? {
          subject: `Tid for årets måling: ${one.title}`,
          body:
            `Du er eigar av gevinsten «${one.title}» i ${one.projectName}. ` +
            (one.lastMeasuredOn ? `Siste måling er frå ${s.date(one.lastMeasuredOn)}` : 'Han er ikkje målt enno') +
            '; registrer årets måling av indikatorane.',
        }
      : {
          subject: `Tid for årets måling: ${more.length + 1} gevinstar`,
          body:
            `Du er eigar av ${more.length + 1} gevinstar som ikkje er målte på eit år: ` +
            s.list(
              [one, ...more].map(
                (b) =>
                  `«${b.title}» i ${b.projectName} (${b.lastMeasuredOn ? `siste måling ${s.date(b.lastMeasuredOn)}` : 'ikkje målt enno'})`,
              ),
            ) +
            '. Registrer årets måling av indikatorane.',
        },
};

const EN: Texts = {
  mention: (p, s) => ({ subject: `${s.actor} mentioned you in a comment`, body: `${s.actor} wrote in ${p.projectName}: “${p.excerpt}”` }),
  deliverable_due_soon: (p, s) => ({
    subject: `Due ${s.date(p.dueDate)}: ${p.deliverableTitle}`,
    body: `The deliverable “${p.deliverableTitle}” in ${p.projectName} is due ${s.date(p.dueDate)}.`,
  }),
  deliverable_overdue: (p, s) => ({
    subject: `Overdue: ${p.deliverableTitle}`,
    body: `The deliverable “${p.deliverableTitle}” in ${p.projectName} was due ${s.date(p.dueDate)} and has not been delivered.`,
  }),
  phase_too_long: (p, s) => ({
    subject: `${s.phase(p.phaseKey)} has run for ${p.months} months`,
    body:
      `${s.phase(p.phaseKey)} in ${p.projectName} has run for ${p.months} months` +
      (range(p) ? `; the recommended length is ${range(p)} months.` : '.'),
  }),
  gate_awaiting_decision: (p, s) => ({
    subject: `Awaiting decision: ${s.phase(p.phaseKey)} in ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} in ${p.projectName} was submitted on ${s.date(p.submittedOn)} and awaits a decision. The case is now with ${p.bodyName}.`,
  }),
  status_report_due: (p, s) => ({
    subject: `Status report for ${s.month(p.period)} is missing`,
    body: `The status report for ${s.month(p.period)} in ${p.projectName} should have been published by the 5th.`,
  }),
  gate_submitted: (p, s) => ({
    subject: `Submitted: ${s.phase(p.phaseKey)} in ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} in ${p.projectName} has been submitted for decision. The case is now with ${p.bodyName}.`,
  }),
  case_at_body: (p, s) => ({
    subject: `The case is with ${p.bodyName}: ${s.phase(p.phaseKey)} in ${p.projectName}`,
    body: `${s.phase(p.phaseKey)} in ${p.projectName} has been handled by the previous body and is now to be handled by ${p.bodyName}.`,
  }),
  gate_decided: (p, s) => ({
    subject: `Decision: ${s.phase(p.phaseKey)} in ${p.projectName} is ${s.outcome(p.outcome)}`,
    body: `${p.bodyName} has handled the ${s.phaseLower(p.phaseKey)} in ${p.projectName}. Decision: ${s.outcome(p.outcome)}.`,
  }),
  deliverable_reviewed: (p) =>
    p.outcome === 'accepted'
      ? { subject: `Deliverable accepted: ${p.title}`, body: `The deliverable “${p.title}” in ${p.projectName} has been accepted.` }
      : {
          subject: `Deliverable returned: ${p.title}`,
          body: `The deliverable “${p.title}” in ${p.projectName} has been returned with a comment and must be completed again.`,
        },
  kommune_case_opened: (p, s) => ({
    subject: `Case for the kommunestyrer: ${p.projectName}, deadline ${s.date(p.deadline)}`,
    body:
      `${s.phase(p.phaseKey)} in ${p.projectName} has been submitted, and the next phase needs funding from the kommuner. ` +
      `Each kommunestyre must decide by ${s.date(p.deadline)}; record the decision when it is made.`,
  }),
  kommune_deadline_near: (p, s) =>
    p.overdue
      ? {
          subject: `Deadline passed: ${p.kommuneName} kommunestyre, ${p.projectName}`,
          body: `The kommunestyre of ${p.kommuneName} was to decide on ${p.projectName} by ${s.date(p.deadline)}. Record the decision, or that the case was not handled by the deadline.`,
        }
      : {
          subject: `Deadline ${s.date(p.deadline)}: ${p.kommuneName} kommunestyre, ${p.projectName}`,
          body: `The kommunestyre of ${p.kommuneName} must decide on ${p.projectName} by ${s.date(p.deadline)}. Record the decision when it is made.`,
        },
  condition_due: (p, s) => ({
    subject: p.overdue ? `Overdue condition in ${p.projectName}` : `Condition due ${s.date(p.dueDate)} in ${p.projectName}`,
    body: `The condition “${p.conditionText}” in ${p.projectName} ${p.overdue ? 'was' : 'is'} due ${s.date(p.dueDate)} and has not been met.`,
  }),
  benefit_measurement_due: ({ benefits: [one, ...more] }, s) =>
    more.length === 0
      ? {
          subject: `Time for this year's measurement: ${one.title}`,
          body:
            `You own the benefit “${one.title}” in ${one.projectName}. ` +
            (one.lastMeasuredOn ? `It was last measured on ${s.date(one.lastMeasuredOn)}` : 'It has not been measured yet') +
            '; record this year’s measurement of its indicators.',
        }
      : {
          subject: `Time for this year's measurement: ${more.length + 1} benefits`,
          body:
            `You own ${more.length + 1} benefits that have gone a year without a measurement: ` +
            s.list(
              [one, ...more].map(
                (b) =>
                  `“${b.title}” in ${b.projectName} (${b.lastMeasuredOn ? `last measured on ${s.date(b.lastMeasuredOn)}` : 'not measured yet'})`,
              ),
            ) +
            '. Record this year’s measurement of their indicators.',
        },
};

export const NOTIFICATION_TEXTS: Record<Lang, Texts> = { nb: NB, nn: NN, en: EN };

/** The line every e-mail ends with. */
export const MAIL_SIGNATURE: Record<Lang, string> = {
  nb: '— Næringsvennlig region',
  nn: '— Næringsvennlig region',
  en: '— Næringsvennlig region',
};

const AND: Record<Lang, string> = { nb: 'og', nn: 'og', en: 'and' };

const MONTHS: Record<Lang, readonly string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  nn: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A date as people write it in each language: 24.03.2026 in Norwegian, 24 March 2026 in English. */
export function dateInLanguage(date: IsoDate, lang: Lang): string {
  if (lang !== 'en') return numericDate(date);
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS.en[m - 1]} ${y}`;
}

/** A month ('2026-03') in words: "mars 2026", "March 2026". */
export function monthInLanguage(period: string, lang: Lang): string {
  const [y, m] = period.split('-').map(Number);
  return `${MONTHS[lang][m - 1]} ${y}`;
}

function say(lang: Lang, context: NotificationContext): Say {
  return {
    date: (date) => dateInLanguage(date, lang),
    phase: (key) => phaseSpec(key).title[lang],
    phaseLower: (key) => phaseSpec(key).title[lang].toLowerCase(),
    outcome: (outcome) => valueWord(outcome, lang).toLowerCase(),
    month: (period) => monthInLanguage(period, lang),
    list: (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${AND[lang]} ${items[items.length - 1]}`),
    actor: context.actorName ?? '—',
  };
}

/** The subject and body of a notification in one language. */
export function renderNotification(message: NotificationMessage, lang: Lang, context: NotificationContext = {}): NotificationText {
  // The kind picks the text and the params the same kind carries: a correlated union TypeScript cannot follow.
  const text = NOTIFICATION_TEXTS[lang][message.kind] as (p: NotificationMessage['params'], s: Say) => NotificationText;
  return text(message.params, say(lang, context));
}

/**
 * The whole e-mail in one language: the text, the link as an absolute address (so it opens from any
 * mail program), and the signature.
 */
export function renderNotificationMail(
  message: NotificationMessage,
  lang: Lang,
  context: NotificationContext & { link?: string | null; baseUrl?: string } = {},
): NotificationText {
  const { subject, body } = renderNotification(message, lang, context);
  const link = context.link ? `\n\n${context.baseUrl ?? ''}${context.link}` : '';
  return { subject, body: `${body}${link}\n\n${MAIL_SIGNATURE[lang]}` };
}
