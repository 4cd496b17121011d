import { FINAL_REPORT_OUTLINE, lessonCategoryTitle, phaseSpec, successFactorSpec, todayInOslo, type Lang } from '@nvr/shared';
import type { Block, DocModel } from '../documents/document-model';
import { date, kroner, label } from '../documents/labels';
import { closingWord } from './closing-words';
import type { ClosingDto, ClosingReportDto } from './closing.dto';

export interface ClosingDocumentProject {
  name: string;
  regionName: string;
  councilName: string;
  leaderName: string | null;
  kommuner: string[];
}

/** The paragraphs of a text; an empty one says so, with what it is for when that is known. */
const textBlocks = (text: string, lang: Lang, guidance?: string): Block[] =>
  text.trim()
    ? text
        .trim()
        .split(/\n{2,}/)
        .map((p) => ({ type: 'paragraph' as const, text: p }))
    : [{ type: 'paragraph', text: guidance ? `${label('notFilled', lang)} ${guidance}` : label('notFilled', lang), italic: true }];

/**
 * The final report laid out as a document: the outline's sections, the evaluations side by side, the lessons
 * and the decision. Without a report yet, the outline itself with what each section is for.
 */
export function closingDocument(
  project: ClosingDocumentProject,
  closing: ClosingDto,
  report: Pick<ClosingReportDto, 'sections' | 'budgetTotal' | 'spentTotal'> | null,
  lang: Lang,
): DocModel {
  const blocks: Block[] = [];
  for (const section of FINAL_REPORT_OUTLINE) {
    blocks.push(
      { type: 'heading', text: section.title[lang] },
      ...textBlocks(report?.sections[section.key] ?? '', lang, section.guidance[lang]),
    );
    if (report && section.key === 'economy' && (report.budgetTotal !== null || report.spentTotal !== null)) {
      const money = (n: number | null) => (n === null ? '–' : kroner(n, lang));
      const difference = report.budgetTotal !== null && report.spentTotal !== null ? report.budgetTotal - report.spentTotal : null;
      blocks.push({
        type: 'table',
        head: [closingWord('budget', lang), closingWord('spent', lang), closingWord('difference', lang)],
        rows: [[money(report.budgetTotal), money(report.spentTotal), money(difference)]],
        alignRight: [0, 1, 2],
      });
    }
  }

  blocks.push({ type: 'heading', text: closingWord('evaluation', lang) });
  blocks.push({ type: 'paragraph', text: closingWord('evaluationIntro', lang), italic: true });
  const { leader, owner } = closing.evaluations;
  blocks.push({
    type: 'table',
    head: [closingWord('factor', lang), closingWord('leader', lang), closingWord('owner', lang), closingWord('comments', lang)],
    rows: closing.comparison.map((row) => {
      const comments = [
        leader?.scores.find((s) => s.factor === row.factor)?.comment.trim(),
        owner?.scores.find((s) => s.factor === row.factor)?.comment.trim(),
      ];
      return [
        successFactorSpec(row.factor).title[lang],
        row.leader === null ? '–' : String(row.leader),
        row.owner === null ? '–' : String(row.owner),
        [
          comments[0] ? `${closingWord('leader', lang)}: ${comments[0]}` : '',
          comments[1] ? `${closingWord('owner', lang)}: ${comments[1]}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      ];
    }),
    alignRight: [1, 2],
    widths: [3, 1.3, 1.3, 6],
  });
  for (const e of [leader, owner]) {
    if (e?.summary.trim()) blocks.push({ type: 'subheading', text: closingWord(e.perspective, lang) }, ...textBlocks(e.summary, lang));
  }

  blocks.push({ type: 'heading', text: closingWord('lessons', lang) });
  blocks.push(
    closing.lessons.length
      ? {
          type: 'list',
          items: closing.lessons.map((l) => `${lessonCategoryTitle(l.category, lang)} (${phaseSpec(l.phaseKey).title[lang]}): ${l.text}`),
        }
      : { type: 'paragraph', text: closingWord('noLessons', lang), italic: true },
  );

  blocks.push({ type: 'heading', text: closingWord('decision', lang) });
  const d = closing.decision;
  if (!d) blocks.push({ type: 'paragraph', text: closingWord('notDecided', lang), italic: true });
  else {
    const rows: string[][] = [
      [label('meetingDate', lang), date(d.meetingDate, lang)],
      [label('caseNumber', lang), d.caseNumber],
      [label('outcome', lang), closingWord(d.outcome, lang)],
    ];
    if (d.successor)
      rows.push(
        [closingWord('successor', lang), d.successor.organisation],
        [closingWord('financing', lang), d.successor.financingText],
        [closingWord('yearlyAmount', lang), kroner(d.successor.yearlyAmount, lang)],
      );
    blocks.push({ type: 'table', head: ['', ''], rows, noHead: true, widths: [1, 3] }, ...textBlocks(d.decisionText, lang));
    if (d.overrideReason) blocks.push({ type: 'paragraph', text: `${closingWord('override', lang)}: ${d.overrideReason}`, italic: true });
  }

  const hoved = closing.hovedprosjekt;
  return {
    kind: closingWord('documentKind', lang),
    title: phaseSpec('hovedprosjekt').deliverables.find((x) => x.finalReport)?.title[lang] ?? closingWord('documentKind', lang),
    subtitle: project.name,
    meta: [
      [label('region', lang), project.regionName],
      [label('owner', lang), project.councilName],
      [label('leader', lang), project.leaderName ?? '–'],
      [label('kommuner', lang), project.kommuner.join(', ')],
      [label('actualPeriod', lang), `${date(hoved.actualStart, lang)} – ${hoved.actualEnd ? date(hoved.actualEnd, lang) : ''}`.trim()],
    ],
    blocks,
    footer: `${label('printed', lang)} ${date(todayInOslo(), lang)} ${label('from', lang)}`,
  };
}
