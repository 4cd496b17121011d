import {
  documentWord,
  exportWord,
  FINAL_REPORT_SECTION_KEYS,
  REPORT_ASPECTS,
  valueWord,
  type FinalReportSectionKey,
  type Lang,
  type PhaseKey,
  type ReportAspect,
  type StatusColour,
} from '@nvr/shared';
import { date, kroner } from '../documents/labels';
import { closingWord } from './closing-words';

/** What the final report's first draft is written from: the plan, the phases, the gate decisions, the status reports. */
export interface DraftFacts {
  phases: {
    key: PhaseKey;
    actualStart: string | null;
    actualEnd: string | null;
    deliverables: { title: string; state: string }[];
    decisions: { meetingDate: string; caseNumber: string; outcome: string; text: string }[];
  }[];
  plan: {
    background: string;
    mainGoal: string;
    subGoals: { title: string; activities: string[] }[];
    benefitAreas: string[];
  } | null;
  budget: { costs: number; financing: number };
  /** Published status reports, newest first. */
  statusReports: {
    period: string;
    spentToDate: number | null;
    forecast: number | null;
    aspects: { aspect: ReportAspect; colour: StatusColour | null; comment: string }[];
  }[];
  /** The benefits register's benefits, when there is one. */
  benefits: { title: string; owner: string | null }[] | null;
}

const DEFINITE: Record<PhaseKey, Parameters<typeof documentWord>[0]> = {
  forstudie: 'forstudieDefinite',
  forprosjekt: 'forprosjektDefinite',
  hovedprosjekt: 'hovedprosjektDefinite',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const paragraphs = (...parts: (string | null | false | undefined)[]) =>
  parts.filter((p): p is string => !!p && p.trim() !== '').join('\n\n');
const bullets = (items: string[]) => items.map((i) => `– ${i}`).join('\n');

/**
 * The first draft of the final report, section by section: what the product already knows, written out
 * for the leader to edit. Sections only the leader can write (what went well, what did not, the
 * recommendations) start empty, apart from what the status reports flagged.
 */
export function draftReport(facts: DraftFacts, lang: Lang): Record<FinalReportSectionKey, string> {
  const hoved = facts.phases.find((p) => p.key === 'hovedprosjekt');
  const earlier = facts.phases.filter((p) => p.key !== 'hovedprosjekt' && p.actualStart);

  const background = paragraphs(
    facts.plan?.background,
    earlier
      .map((p) =>
        closingWord('phaseRan', lang, {
          phase: capitalise(documentWord(DEFINITE[p.key], lang)),
          start: date(p.actualStart, lang),
          end: date(p.actualEnd, lang),
        }),
      )
      .join(' '),
    hoved?.actualStart ? closingWord('hovedStarted', lang, { date: date(hoved.actualStart, lang) }) : null,
  );

  const plan = facts.plan;
  const goalsResults =
    plan && (plan.mainGoal.trim() || plan.subGoals.length)
      ? paragraphs(
          plan.mainGoal.trim() ? closingWord('mainGoal', lang, { goal: plan.mainGoal.trim() }) : null,
          plan.subGoals.length
            ? `${closingWord('subGoals', lang)}\n${plan.subGoals.map((g, i) => `${i + 1}. ${g.title}`).join('\n')}`
            : null,
          closingWord('reachedPrompt', lang),
        )
      : closingWord('noPlan', lang);

  const decisions = facts.phases.flatMap((p) => p.decisions);
  const deliverables = paragraphs(
    ...facts.phases
      .filter((p) => p.deliverables.length && p.actualStart)
      .map(
        (p) =>
          `${capitalise(documentWord(DEFINITE[p.key], lang))}:\n${bullets(p.deliverables.map((d) => `${d.title} (${valueWord(d.state, lang).toLowerCase()})`))}`,
      ),
    decisions.length
      ? `${closingWord('decisionsHeading', lang)}\n${bullets(
          decisions.map((d) =>
            closingWord('decisionLine', lang, {
              date: date(d.meetingDate, lang),
              case: d.caseNumber,
              outcome: valueWord(d.outcome, lang),
              text: d.text,
            }),
          ),
        )}`
      : null,
  );

  const withFigures = facts.statusReports.find((r) => r.spentToDate !== null);
  const economy = paragraphs(
    closingWord('budgetLine', lang, { costs: kroner(facts.budget.costs, lang), financing: kroner(facts.budget.financing, lang) }),
    withFigures
      ? closingWord('spentLine', lang, {
          period: withFigures.period,
          spent: kroner(withFigures.spentToDate ?? 0, lang),
          forecast: withFigures.forecast === null ? '–' : kroner(withFigures.forecast, lang),
        })
      : closingWord('noReports', lang),
    closingWord('explainDifference', lang),
  );

  const benefits = facts.benefits?.length
    ? paragraphs(
        `${closingWord('benefitsRegister', lang)}\n${bullets(facts.benefits.map((b) => (b.owner ? `${b.title} (${b.owner})` : b.title)))}`,
        closingWord('benefitsPrompt', lang),
      )
    : plan?.benefitAreas.length
      ? paragraphs(`${closingWord('benefitAreas', lang)}\n${bullets(plan.benefitAreas)}`, closingWord('benefitsPrompt', lang))
      : closingWord('noBenefits', lang);

  const concerns = facts.statusReports.flatMap((r) =>
    r.aspects
      .filter((a) => a.colour === 'yellow' || a.colour === 'red')
      .sort((a, b) => REPORT_ASPECTS.indexOf(a.aspect) - REPORT_ASPECTS.indexOf(b.aspect))
      .map(
        (a) =>
          `${r.period} ${exportWord(a.aspect, lang).toLowerCase()} (${exportWord(a.colour as 'yellow' | 'red', lang).toLowerCase()})${a.comment.trim() ? `: ${a.comment.trim()}` : ''}`,
      ),
  );
  const wentLessWell = concerns.length ? `${closingWord('concerns', lang)}\n${bullets(concerns)}` : '';

  const sections: Record<FinalReportSectionKey, string> = {
    background,
    goals_results: goalsResults,
    deliverables,
    economy,
    benefits,
    went_well: '',
    went_less_well: wentLessWell,
    recommendations: '',
  };
  // Every key of the outline, in its order.
  return Object.fromEntries(FINAL_REPORT_SECTION_KEYS.map((k) => [k, sections[k]])) as Record<FinalReportSectionKey, string>;
}
