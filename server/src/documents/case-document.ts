/**
 * The documents of a gate's case as Norwegian municipal bodies write them: the case document
 * (saksframlegg) each body on the route receives, and the extract of the minutes (protokollutdrag)
 * after the decision. Pure: the service reads the data, these functions lay it out.
 */
import {
  documentWord,
  kommunerContribution,
  nextPhaseKey,
  phaseSpec,
  splitConditions,
  summariseKommuneCases,
  type BodyKind,
  type ConditionState,
  type DecisionOutcome,
  type KommuneCaseOutcome,
  type Lang,
  type PhaseKey,
  type PlanContent,
  type SubGoal,
  subGoalScheduleText,
  type Milestone,
} from '@nvr/shared';
import type { Block, DocModel } from './document-model';
import { date, enumLabel, kroner, label } from './labels';

export interface CaseStep {
  id: string;
  position: number;
  bodyName: string;
  bodyKind: BodyKind;
  decides: boolean;
  meetingDate: string | null;
  caseNumber: string | null;
  recommendedOutcome: DecisionOutcome | null;
  recommendation: string | null;
  handled: boolean;
}

export interface CaseBudgetLineData {
  kind: 'cost' | 'financing';
  category: string;
  year: number;
  amount: number;
}

export interface CaseKommuneShare {
  kommuneId: string;
  kommuneName: string;
  share: number;
  /** Set when the kommune has its own case (kommunestyre) on the submission. */
  kommuneCase?: {
    deadline: string;
    outcome: KommuneCaseOutcome;
    amountCommitted: number | null;
    meetingDate: string | null;
    caseNumber: string | null;
  };
}

export interface CaseData {
  project: { name: string; description: string | null; regionName: string; councilName: string; kommuner: string[] };
  phase: { key: PhaseKey; plannedStart: string | null; plannedEnd: string | null; actualStart: string | null; actualEnd: string | null };
  nextPhase: { key: PhaseKey; plannedStart: string | null; plannedEnd: string | null } | null;
  submission: {
    id: string;
    submittedOn: string;
    submittedBy: string | null;
    note: string | null;
    proposedDecision: string | null;
    /** The proposed decision is the gate's own draft (written in bokmål), not edited since: other languages get theirs. */
    proposedIsDraft?: boolean;
  };
  /** Every step of the case route, in order (empty: the region has no route; the council holds the case). */
  steps: CaseStep[];
  deliverables: { key: string | null; title: string; content: string; files: string[]; state: string }[];
  /** The next phase's plan: the version frozen at submission, or the plan as it stands. */
  plan: {
    source: 'submitted' | 'current';
    /** The kept version's number (for the plan as it stands: its newest kept version's, 0 when none). */
    number: number;
    /** The plan as it stands has changed since version `number` was kept. */
    changedSinceVersion?: boolean;
    templateTitle: string;
    content: PlanContent;
    budget: CaseBudgetLineData[];
    equalPercent: number;
    /** The budget year whose kommuner contribution is shared (null: all years). */
    shareYear: number | null;
  } | null;
  /**
   * Each kommune's share: from the kommune cases when they exist, else from the plan's cost sharing;
   * `continuing`: when some said no, the same total shared among the others by the same rule.
   */
  shares: { source: 'cases' | 'plan'; rows: CaseKommuneShare[]; continuing?: { kommuneId: string; share: number }[] | null };
  /** The day the document is made (Oslo). */
  today: string;
}

export interface MinutesData extends CaseData {
  decision: {
    outcome: DecisionOutcome;
    meetingDate: string;
    caseNumber: string;
    decisionText: string;
    conditionsText: string | null;
    bodyName: string | null;
    decidedBy: string | null;
    stepId: string | null;
  };
  conditions: { text: string; owner: string | null; dueDate: string | null; state: ConditionState }[];
}

/** The longest text of a deliverable that goes into the case document; the rest is in the attachment. */
const SUMMARY_CHARS = 1500;

const w = documentWord;

/** "Forstudie Næringsvennlig Glåmdal – godkjenning og oppstart av forprosjekt" */
export function caseTitle(phase: PhaseKey, project: string, lang: Lang): string {
  const next = nextPhaseKey(phase);
  const title = phaseSpec(phase).title[lang];
  return next
    ? w('caseTitleNext', lang, { phase: title, project, next: phaseSpec(next).title[lang].toLowerCase() })
    : w('caseTitleLast', lang, { phase: title, project });
}

/** The body whose meeting the document is for: the given step, or the council when the region has no route. */
function bodyOf(data: CaseData, step: CaseStep | null): string {
  return step?.bodyName ?? data.project.councilName;
}

function decidingBody(data: CaseData): string {
  return data.steps.find((s) => s.decides)?.bodyName ?? data.project.councilName;
}

const definite = (key: PhaseKey, lang: Lang) => w(`${key}Definite`, lang);

/** The proposed decision drafted from the package, for a submission that came without one. */
export function draftDecision(data: CaseData, lang: Lang): string {
  const next = nextPhaseKey(data.phase.key);
  const body = decidingBody(data);
  const parts = [
    next
      ? w('draftApproveNext', lang, { body, phase: definite(data.phase.key, lang), next: definite(next, lang) })
      : w('draftApproveLast', lang, { body, phase: definite(data.phase.key, lang) }),
  ];
  if (next) {
    const period = planText(data.plan?.content, 'frame', 'period');
    if (period) parts.push(w('draftPeriod', lang, { period }));
    else if (data.nextPhase?.plannedStart && data.nextPhase.plannedEnd)
      parts.push(w('draftPeriod', lang, { period: `${date(data.nextPhase.plannedStart, lang)}–${date(data.nextPhase.plannedEnd, lang)}` }));
    const costs = (data.plan?.budget ?? []).filter((l) => l.kind === 'cost').reduce((s, l) => s + l.amount, 0);
    if (costs > 0) parts.push(w('draftBudget', lang, { costs: kroner(costs, lang) }));
    const shares = data.shares.rows.reduce((s, r) => s + r.share, 0);
    if (shares > 0) parts.push(w('draftShares', lang, { amount: kroner(shares, lang) }));
  }
  return parts.join(' ');
}

export function proposedDecision(data: CaseData, lang: Lang): string {
  const stored = data.submission.proposedDecision?.trim();
  return stored && !(data.submission.proposedIsDraft && lang !== 'nb') ? stored : draftDecision(data, lang);
}

/** The saksframlegg for one body on the route (null: the region has no route, the council decides). */
export function caseDocument(data: CaseData, step: CaseStep | null, lang: Lang): DocModel {
  const header: [string, string][] = [[label('body', lang), bodyOf(data, step)]];
  if (step?.caseNumber) header.push([label('caseNumber', lang), step.caseNumber]);
  if (step?.meetingDate) header.push([label('meetingDate', lang), date(step.meetingDate, lang)]);
  header.push([label('caseOfficer', lang), data.submission.submittedBy ?? '–'], [label('documentDate', lang), date(data.today, lang)]);

  const blocks: Block[] = [
    { type: 'heading', text: label('proposedDecision', lang) },
    ...paragraphs(proposedDecision(data, lang)),
    ...backgroundBlocks(data, step, lang),
    ...summaryBlocks(data, lang),
    ...planBlocks(data, lang),
    ...budgetBlocks(data, lang),
    ...shareBlocks(data, lang),
    ...attachmentBlocks(data, lang),
  ];
  return {
    kind: label('caseDocument', lang),
    header,
    title: caseTitle(data.phase.key, data.project.name, lang),
    meta: [],
    blocks,
    footer: `${label('printed', lang)} ${date(data.today, lang)} ${label('from', lang)}`,
  };
}

/** The protokollutdrag of the deciding body's meeting. */
export function minutesExtract(data: MinutesData, lang: Lang): DocModel {
  const d = data.decision;
  const body = d.bodyName ?? decidingBody(data);
  const header: [string, string][] = [
    [label('body', lang), body],
    [label('meetingDate', lang), date(d.meetingDate, lang)],
    [label('caseNumber', lang), d.caseNumber],
  ];
  const blocks: Block[] = [];
  const earlier = data.steps.filter((s) => s.id !== d.stepId && !s.decides && s.handled);
  blocks.push({ type: 'heading', text: label('earlierRecommendations', lang) });
  if (earlier.length) {
    blocks.push(routeTable(earlier, lang));
  } else {
    blocks.push({ type: 'paragraph', text: label('noEarlierBodies', lang), italic: true });
  }
  blocks.push({ type: 'subheading', text: label('proposedDecision', lang) }, ...paragraphs(proposedDecision(data, lang)));
  blocks.push(
    { type: 'heading', text: `${label('handling', lang)} – ${body} ${date(d.meetingDate, lang)}` },
    { type: 'paragraph', text: `${label('outcome', lang)}: ${enumLabel(d.outcome, lang)}`, bold: true },
    { type: 'heading', text: label('decision', lang) },
    ...paragraphs(d.decisionText),
  );
  const conditions = data.conditions.length
    ? data.conditions
    : splitConditions(d.conditionsText).map((text) => ({ text, owner: null, dueDate: null, state: 'open' as ConditionState }));
  blocks.push({ type: 'heading', text: label('conditions', lang) });
  if (conditions.length) {
    blocks.push({
      type: 'table',
      head: ['#', label('condition', lang), label('responsible', lang), label('dueDate', lang), label('status', lang)],
      rows: conditions.map((c, i) => [String(i + 1), c.text, c.owner ?? '–', date(c.dueDate, lang), enumLabel(c.state, lang)]),
      widths: [0.4, 5, 2, 2, 1.6],
    });
  } else {
    blocks.push({ type: 'paragraph', text: label('noConditions', lang), italic: true });
  }
  return {
    kind: label('minutesExtract', lang),
    header,
    title: caseTitle(data.phase.key, data.project.name, lang),
    meta: [],
    blocks,
    footer: `${label('printed', lang)} ${date(data.today, lang)} ${label('from', lang)}`,
  };
}

// ---------------------------------------------------------------------------------------------------

function paragraphs(text: string): Block[] {
  return text
    .split(/\n{2,}/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ type: 'paragraph' as const, text: t }));
}

function period(from: string | null, to: string | null, lang: Lang): string {
  if (!from && !to) return '–';
  return `${date(from, lang)} – ${to ? date(to, lang) : ''}`.trim();
}

function routeTable(steps: readonly CaseStep[], lang: Lang): Block {
  return {
    type: 'table',
    head: [label('body', lang), label('meetingDate', lang), label('caseNumber', lang), label('recommendation', lang)],
    rows: steps.map((s) => [
      s.bodyName,
      date(s.meetingDate, lang),
      s.caseNumber ?? '–',
      [s.recommendedOutcome ? enumLabel(s.recommendedOutcome, lang) : '', s.recommendation ?? ''].filter(Boolean).join(': ') || '–',
    ]),
    widths: [2, 1.6, 1.2, 4],
  };
}

function backgroundBlocks(data: CaseData, step: CaseStep | null, lang: Lang): Block[] {
  const { project, phase, nextPhase } = data;
  const facts: string[][] = [
    [label('project', lang), project.name],
    [label('region', lang), project.regionName],
    [label('owner', lang), project.councilName],
    [label('kommuner', lang), project.kommuner.join(', ') || '–'],
    [
      `${phaseSpec(phase.key).title[lang]}: ${label('plannedPeriod', lang).toLowerCase()}`,
      period(phase.plannedStart, phase.plannedEnd, lang),
    ],
    [`${phaseSpec(phase.key).title[lang]}: ${label('actualPeriod', lang).toLowerCase()}`, period(phase.actualStart, phase.actualEnd, lang)],
  ];
  if (nextPhase)
    facts.push([
      w('nextPhasePeriod', lang, { next: phaseSpec(nextPhase.key).title[lang].toLowerCase() }),
      period(nextPhase.plannedStart, nextPhase.plannedEnd, lang),
    ]);
  const blocks: Block[] = [{ type: 'heading', text: label('background', lang) }];
  if (project.description?.trim()) blocks.push(...paragraphs(project.description));
  blocks.push({ type: 'table', head: ['', ''], rows: facts, widths: [1, 2], noHead: true });
  if (data.submission.note?.trim())
    blocks.push({
      type: 'paragraph',
      text: `${label('submittedBy', lang)} ${data.submission.submittedBy ?? '–'}, ${date(data.submission.submittedOn, lang)}: ${data.submission.note.trim()}`,
    });
  blocks.push({ type: 'subheading', text: label('caseRoute', lang) });
  if (data.steps.length) blocks.push({ type: 'paragraph', text: data.steps.map((s) => s.bodyName).join(' – ') });
  const position = step?.position ?? Number.POSITIVE_INFINITY;
  const earlier = data.steps.filter((s) => s.position < position && s.handled);
  if (earlier.length) blocks.push(routeTable(earlier, lang));
  else blocks.push({ type: 'paragraph', text: label('noEarlierBodies', lang), italic: true });
  return blocks;
}

/** A text cut at a paragraph or sentence boundary near `max` characters. */
export function trimText(text: string, max = SUMMARY_CHARS): { text: string; trimmed: boolean } {
  const t = text.trim();
  if (t.length <= max) return { text: t, trimmed: false };
  const head = t.slice(0, max);
  const cut = Math.max(head.lastIndexOf('\n\n'), head.lastIndexOf('. ') + 1);
  const at = cut > max / 2 ? cut : head.lastIndexOf(' ') > max / 2 ? head.lastIndexOf(' ') : max;
  return { text: `${t.slice(0, at).trim()} …`, trimmed: true };
}

function isSummarised(d: CaseData['deliverables'][number], phase: PhaseKey): boolean {
  const spec = phaseSpec(phase).deliverables.find((s) => s.key === d.key);
  return Boolean(spec?.finalReport) || d.key === 'recommendation';
}

function deliverableTitle(d: CaseData['deliverables'][number], phase: PhaseKey, lang: Lang): string {
  return phaseSpec(phase).deliverables.find((s) => s.key === d.key)?.title[lang] ?? d.title;
}

function summaryBlocks(data: CaseData, lang: Lang): Block[] {
  const isPlan = (d: CaseData['deliverables'][number]) =>
    Boolean(phaseSpec(data.phase.key).deliverables.find((s) => s.key === d.key)?.nextPhasePlan);
  let chosen = data.deliverables.filter((d) => isSummarised(d, data.phase.key) && d.state !== 'not_required');
  if (chosen.length === 0) chosen = data.deliverables.filter((d) => !isPlan(d) && d.state !== 'not_required');
  // The final report first, then the recommendation.
  chosen = [...chosen].sort(
    (a, b) => Number(b.key?.startsWith('final_report') ?? false) - Number(a.key?.startsWith('final_report') ?? false),
  );
  const blocks: Block[] = [{ type: 'heading', text: label('summaryOfReport', lang) }];
  if (chosen.length === 0) blocks.push({ type: 'paragraph', text: label('notFilled', lang), italic: true });
  for (const d of chosen) {
    blocks.push({ type: 'subheading', text: deliverableTitle(d, data.phase.key, lang) });
    const { text, trimmed } = trimText(d.content);
    if (text) blocks.push(...paragraphs(text));
    else blocks.push({ type: 'paragraph', text: label('notFilled', lang), italic: true });
    if (trimmed) blocks.push({ type: 'paragraph', text: label('shortened', lang), italic: true });
    if (d.files.length) blocks.push({ type: 'paragraph', text: `${label('attachedFiles', lang)}: ${d.files.join(', ')}`, italic: true });
  }
  return blocks;
}

function planText(content: PlanContent | undefined, section: string, field: string): string {
  const v = content?.[section]?.[field];
  return typeof v === 'string' ? v.trim() : '';
}

function planBlocks(data: CaseData, lang: Lang): Block[] {
  const next = nextPhaseKey(data.phase.key);
  if (!next) return [];
  const blocks: Block[] = [{ type: 'heading', text: label('nextPlan', lang) }];
  const plan = data.plan;
  if (!plan || Object.keys(plan.content).length === 0) {
    blocks.push({ type: 'paragraph', text: label('notFilled', lang), italic: true });
    return blocks;
  }
  blocks.push({
    type: 'paragraph',
    text:
      plan.source === 'submitted'
        ? w('planSubmittedVersion', lang, { n: plan.number })
        : w('planCurrentVersion', lang, { n: planVersionNote(plan, lang) }),
    italic: true,
  });
  const mainGoal = planText(plan.content, 'goals', 'main_goal');
  const periodText = planText(plan.content, 'frame', 'period');
  const frame = planText(plan.content, 'frame', 'economic_frame');
  blocks.push({ type: 'subheading', text: label('mainGoal', lang) }, ...(mainGoal ? paragraphs(mainGoal) : [notFilled(lang)]));
  blocks.push({ type: 'subheading', text: label('period', lang) }, periodText ? { type: 'paragraph', text: periodText } : notFilled(lang));
  const subGoals = plan.content.goals?.sub_goals as SubGoal[] | undefined;
  blocks.push({ type: 'subheading', text: label('subGoals', lang) });
  if (Array.isArray(subGoals) && subGoals.length) {
    subGoals.forEach((g, i) => {
      blocks.push({ type: 'paragraph', text: `${i + 1}. ${g.title}`, bold: true });
      const when = subGoalScheduleText(g, lang);
      if (when) blocks.push({ type: 'paragraph', text: when, italic: true });
      if (g.activities?.length) blocks.push({ type: 'list', items: g.activities });
    });
  } else blocks.push(notFilled(lang));
  if (frame) blocks.push({ type: 'subheading', text: label('economicFrame', lang) }, ...paragraphs(frame));
  const milestones = plan.content.schedule?.milestones as Milestone[] | undefined;
  if (Array.isArray(milestones) && milestones.length)
    blocks.push(
      { type: 'subheading', text: label('milestones', lang) },
      {
        type: 'table',
        head: [label('item', lang), label('dueDate', lang)],
        rows: milestones.map((m) => [m.title, date(m.date, lang)]),
        widths: [3, 1],
      },
    );
  return blocks;
}

/** Which version of the plan: "planversjon 3", or for the plan as it stands that it changed since or has none. */
function planVersionNote(plan: NonNullable<CaseData['plan']>, lang: Lang): string {
  if (plan.source === 'current' && plan.number === 0) return documentWord('planNoVersion', lang).toLowerCase();
  if (plan.source === 'current' && plan.changedSinceVersion)
    return documentWord('planChangedSince', lang, { n: plan.number }).toLowerCase();
  return `${label('planVersion', lang).toLowerCase()} ${plan.number}`;
}

function notFilled(lang: Lang): Block {
  return { type: 'paragraph', text: label('notFilled', lang), italic: true };
}

/** Years shown as columns of their own; with more, only the totals fit on the page. */
const MAX_YEAR_COLUMNS = 4;

function budgetBlocks(data: CaseData, lang: Lang): Block[] {
  if (!nextPhaseKey(data.phase.key)) return [];
  const lines = data.plan?.budget ?? [];
  const blocks: Block[] = [{ type: 'heading', text: label('budgetAndFinancing', lang) }];
  if (!lines.some((l) => l.amount > 0)) {
    blocks.push({ type: 'paragraph', text: label('noBudget', lang), italic: true });
    return blocks;
  }
  const allYears = [...new Set(lines.map((l) => l.year))].sort((a, b) => a - b);
  const years = allYears.length > 1 && allYears.length <= MAX_YEAR_COLUMNS ? allYears : [];
  const sum = (ls: CaseBudgetLineData[], year?: number) =>
    ls.filter((l) => year === undefined || l.year === year).reduce((s, l) => s + l.amount, 0);
  const table = (kind: 'cost' | 'financing'): Block => {
    const ofKind = lines.filter((l) => l.kind === kind);
    const categories = [...new Set(ofKind.map((l) => l.category))];
    return {
      type: 'table',
      head: [label(kind === 'cost' ? 'category' : 'source', lang), ...years.map(String), label('amount', lang)],
      rows: [
        ...categories.map((c) => {
          const ls = ofKind.filter((l) => l.category === c);
          return [enumLabel(c, lang), ...years.map((y) => kroner(sum(ls, y), lang)), kroner(sum(ls), lang)];
        }),
        [
          label(kind === 'cost' ? 'totalCosts' : 'totalFinancing', lang),
          ...years.map((y) => kroner(sum(ofKind, y), lang)),
          kroner(sum(ofKind), lang),
        ],
      ],
      alignRight: [...years.map((_, i) => i + 1), years.length + 1],
      widths: [3, ...years.map(() => 1.3), 1.5],
      totalRows: 1,
    };
  };
  const costs = sum(lines.filter((l) => l.kind === 'cost'));
  const financing = sum(lines.filter((l) => l.kind === 'financing'));
  blocks.push(
    { type: 'subheading', text: label('costs', lang) },
    table('cost'),
    { type: 'subheading', text: label('financing', lang) },
    table('financing'),
    {
      type: 'paragraph',
      text:
        costs === financing
          ? label('balanced', lang)
          : `${label('unbalanced', lang)} ${label('difference', lang)}: ${kroner(costs - financing, lang)} kr.`,
    },
  );
  return blocks;
}

/** Each share split over the years of the phase, as the kommuner's direct contribution falls; the years add up to the share. */
export function sharesByYear(
  shares: readonly { share: number }[],
  lines: readonly CaseBudgetLineData[],
  shareYear: number | null,
): { years: number[]; amounts: number[][] } {
  const direct = lines.filter((l) => l.kind === 'financing' && l.category === 'kommuner_direct' && l.amount > 0);
  const years = [...new Set(direct.map((l) => l.year))].filter((y) => shareYear === null || y === shareYear).sort((a, b) => a - b);
  const perYear = years.map((y) => kommunerContribution(lines as never, y));
  const total = perYear.reduce((s, x) => s + x, 0);
  const amounts = shares.map((r) => {
    if (total === 0 || years.length === 0) return years.map(() => 0);
    const parts = perYear.map((x) => Math.round((r.share * x) / total));
    parts[parts.length - 1] = r.share - parts.slice(0, -1).reduce((s, x) => s + x, 0);
    return parts;
  });
  return { years, amounts };
}

function shareBlocks(data: CaseData, lang: Lang): Block[] {
  if (!nextPhaseKey(data.phase.key)) return [];
  const rows = data.shares.rows;
  const blocks: Block[] = [{ type: 'heading', text: label('kommuneShares', lang) }];
  const total = rows.reduce((s, r) => s + r.share, 0);
  if (rows.length === 0 || total === 0) {
    blocks.push({ type: 'paragraph', text: label('noShares', lang), italic: true });
    return blocks;
  }
  if (data.shares.source === 'cases') {
    const summary = summariseKommuneCases(
      rows.map((r) => ({
        kommuneId: r.kommuneId,
        kommuneName: r.kommuneName,
        share: r.share,
        outcome: r.kommuneCase?.outcome ?? 'pending',
        amountCommitted: r.kommuneCase?.amountCommitted ?? null,
        deadline: r.kommuneCase?.deadline ?? data.today,
      })),
      data.today,
    );
    blocks.push({ type: 'paragraph', text: label('sharesFromCases', lang) });
    if (summary.decided > 0)
      blocks.push({
        type: 'paragraph',
        text: w('kommuneCasesStatus', lang, { decided: summary.decided, total: summary.total, no: summary.no }),
      });
    blocks.push({
      type: 'table',
      head: [
        label('kommune', lang),
        label('share', lang),
        label('dueDate', lang),
        label('kommuneDecision', lang),
        label('committed', lang),
      ],
      rows: [
        ...rows.map((r) => [
          r.kommuneName,
          kroner(r.share, lang),
          date(r.kommuneCase?.deadline, lang),
          enumLabel(r.kommuneCase?.outcome ?? 'pending', lang),
          r.kommuneCase && r.kommuneCase.outcome !== 'pending' ? kroner(committed(r), lang) : '–',
        ]),
        [label('total', lang), kroner(total, lang), '', '', kroner(summary.committed, lang)],
      ],
      alignRight: [1, 4],
      widths: [2.2, 1.4, 1.6, 2, 1.4],
      totalRows: 1,
    });
  } else {
    blocks.push({ type: 'paragraph', text: w('sharesFromPlan', lang, { equal: data.plan?.equalPercent ?? 50 }) });
    blocks.push({
      type: 'table',
      head: [label('kommune', lang), label('share', lang)],
      rows: [...rows.map((r) => [r.kommuneName, kroner(r.share, lang)]), [label('total', lang), kroner(total, lang)]],
      alignRight: [1],
      widths: [3, 1.5],
      totalRows: 1,
    });
  }
  const continuing = data.shares.continuing;
  const leaving = rows.filter((r) => r.kommuneCase?.outcome === 'no');
  if (continuing?.length && leaving.length) {
    const names = leaving.map((r) => r.kommuneName).join(', ');
    blocks.push(
      { type: 'subheading', text: label('consequenceOfNo', lang) },
      { type: 'paragraph', text: w('consequenceOfNoText', lang, { kommuner: names }) },
      {
        type: 'table',
        head: [label('kommune', lang), label('share', lang), label('newShare', lang), label('change', lang)],
        rows: [
          ...rows.map((r) => {
            const next = leaving.includes(r) ? 0 : (continuing.find((c) => c.kommuneId === r.kommuneId)?.share ?? 0);
            return [r.kommuneName, kroner(r.share, lang), kroner(next, lang), signed(next - r.share, lang)];
          }),
          [
            label('total', lang),
            kroner(total, lang),
            kroner(
              continuing.reduce((s, c) => s + c.share, 0),
              lang,
            ),
            '',
          ],
        ],
        alignRight: [1, 2, 3],
        widths: [2.5, 1.5, 1.5, 1.5],
        totalRows: 1,
      },
    );
  }
  const { years, amounts } = sharesByYear(rows, data.plan?.budget ?? [], data.plan?.shareYear ?? null);
  blocks.push({ type: 'subheading', text: label('economicConsequences', lang) });
  if (years.length > 1 && years.length <= MAX_YEAR_COLUMNS) {
    blocks.push(
      { type: 'paragraph', text: label('consequencesText', lang) },
      {
        type: 'table',
        head: [label('kommune', lang), ...years.map(String), label('total', lang)],
        rows: [
          ...rows.map((r, i) => [r.kommuneName, ...amounts[i].map((a) => kroner(a, lang)), kroner(r.share, lang)]),
          [
            label('total', lang),
            ...years.map((_, j) =>
              kroner(
                amounts.reduce((s, a) => s + a[j], 0),
                lang,
              ),
            ),
            kroner(total, lang),
          ],
        ],
        alignRight: [...years.map((_, i) => i + 1), years.length + 1],
        widths: [2.5, ...years.map(() => 1.3), 1.4],
        totalRows: 1,
      },
    );
  } else {
    blocks.push({
      type: 'paragraph',
      text: years.length === 1 ? w('shareInYear', lang, { year: years[0] }) : label('consequencesText', lang),
    });
  }
  return blocks;
}

function signed(n: number, lang: Lang): string {
  return n > 0 ? `+${kroner(n, lang)}` : kroner(n, lang);
}

function committed(r: CaseKommuneShare): number {
  const c = r.kommuneCase;
  if (!c) return 0;
  if (c.outcome === 'yes' || c.outcome === 'yes_with_changes') return c.amountCommitted ?? (c.outcome === 'yes' ? r.share : 0);
  return 0;
}

function attachmentBlocks(data: CaseData, lang: Lang): Block[] {
  const items = data.deliverables
    .filter((d) => d.state !== 'not_required')
    .map((d) => {
      const title = deliverableTitle(d, data.phase.key, lang);
      return d.files.length ? `${title} (${d.files.join(', ')})` : title;
    });
  if (data.plan && data.plan.templateTitle && nextPhaseKey(data.phase.key))
    items.push(`${data.plan.templateTitle} (${planVersionNote(data.plan, lang)})`);
  return [
    { type: 'heading', text: label('files', lang) },
    ...(items.length ? items.map((t, i): Block => ({ type: 'paragraph', text: `${i + 1}. ${t}` })) : [notFilled(lang)]),
  ];
}
