import { formatPercent, formatShare, surveyText, todayInOslo, type Lang, type SurveyQuestion } from '@nvr/shared';
import type { Block, DocModel } from '../documents/document-model';
import { date } from '../documents/labels';
import { decimal, optionLabel, STAT_DIGITS, surveyWord, whole, type SurveyWord } from './survey-export';
import type { CrossTabDto, SurveyResultsDto } from './survey-results.dto';

/** What the report chapter says about one survey. */
export interface ReportFacts {
  title: string;
  projectName: string;
  regionName: string;
  opensAt: string | null;
  closesAt: string | null;
  questions: readonly SurveyQuestion[];
  results: SurveyResultsDto;
  /** How many of the answers were imported. */
  imported: number;
  /** The survey's links: the kommune's name, or null for a general link. */
  links: (string | null)[];
  /** The main cross-tab (by the grouping question), or null when there is nothing to cross. */
  crossTab: CrossTabDto | null;
  /** The survey's smallest group shown (for the note when too few answered to show figures). */
  minGroupSize: number;
}

/** A bar of em dashes (in the PDF fonts' encoding), 20 for a share of 100 %. */
function bar(share: number): string {
  return '—'.repeat(Math.round(Math.max(0, Math.min(1, share)) * 20));
}

/**
 * A chapter for the forstudie's final report: how the survey was done (period, answers, links per
 * kommune), a table per question with a bar beside each share, and the main cross-tab with its
 * suppression note. Free texts are never printed; only their number.
 */
export function buildSurveyReport(f: ReportFacts, lang: Lang): DocModel {
  const w = (k: SurveyWord, params: Record<string, string | number> = {}) => surveyWord(k, lang, params);
  const blocks: Block[] = [];

  blocks.push({ type: 'heading', text: w('method') });
  const period = f.opensAt && f.closesAt ? w('periodText', { from: date(f.opensAt, lang), to: date(f.closesAt, lang) }) : '';
  blocks.push({ type: 'paragraph', text: w('methodText', { period, n: whole(f.results.total, lang) }) });
  if (f.imported > 0) blocks.push({ type: 'paragraph', text: w('importedText', { n: whole(f.imported, lang) }) });
  const named = f.links.filter((l): l is string => l !== null);
  if (f.links.length) {
    const list = [...named, ...(f.links.some((l) => l === null) ? [w('generalLink')] : [])];
    blocks.push({ type: 'paragraph', text: w('linksText', { list: list.join(', ') }) });
  }
  if (f.results.frozen) blocks.push({ type: 'paragraph', italic: true, text: w('frozenNote') });

  blocks.push({ type: 'heading', text: w('results') });
  if (f.results.total === 0) blocks.push({ type: 'paragraph', text: w('noAnswers') });
  else if (f.results.belowMinimum) blocks.push({ type: 'paragraph', text: w('belowMinimum', { n: f.minGroupSize }) });
  else
    for (const t of f.results.questions) {
      const q = f.questions.find((x) => x.key === t.key);
      blocks.push({ type: 'subheading', text: q ? surveyText(q.text, lang) : t.key });
      if (t.kind === 'text') {
        blocks.push({ type: 'paragraph', text: w('textsNotShown', { n: whole(t.textCount ?? 0, lang) }) });
        continue;
      }
      if (t.options?.length) {
        blocks.push({
          type: 'table',
          head: [w('answer'), w('count'), w('share'), ''],
          widths: [5, 1.3, 1.5, 2.4],
          alignRight: [1, 2],
          rows: t.options.map((o) => [
            t.kind === 'scale' ? o.key : optionLabel(q, o.key, lang),
            whole(o.count, lang),
            formatPercent(o.share, lang),
            bar(o.share),
          ]),
        });
      }
      if (t.kind === 'scale' || t.kind === 'number') {
        const stats = (['mean', 'median', 'min', 'max'] as const).filter((k) => t[k] !== undefined);
        if (stats.length)
          blocks.push({
            type: 'table',
            head: ['', ''],
            noHead: true,
            widths: [2, 1],
            rows: stats.map((k) => [w(k), decimal(t[k], lang, STAT_DIGITS[k])]),
          });
      }
      blocks.push({ type: 'paragraph', italic: true, text: `${w('answeredQuestion')}: ${whole(t.answered, lang)}` });
    }

  const tab = f.crossTab;
  if (tab && f.results.total > 0 && tab.groups.length) {
    blocks.push({
      type: 'heading',
      text: `${w('crossTab')}: ${tab.questionText} ${w('by')} ${tab.byText.toLocaleLowerCase(lang === 'en' ? 'en' : 'nb')}`,
    });
    blocks.push({
      type: 'table',
      head: [w('answer'), w('total'), ...tab.groups.map((g) => (g.n === null ? g.label : `${g.label} (n=${whole(g.n, lang)})`))],
      widths: [3, 1.5, ...tab.groups.map(() => 1.5)],
      rows: tab.rows.map((r) => [
        r.label,
        formatShare(r.total.share, r.total.count, lang),
        ...r.cells.map((c) => (c ? formatShare(c.share, c.count, lang) : '–')),
      ]),
    });
    if (tab.groups.some((g) => g.suppressed))
      blocks.push({ type: 'paragraph', italic: true, text: w('suppressedNote', { n: tab.minGroupSize }) });
  }

  return {
    kind: w('chapter'),
    title: f.title,
    subtitle: f.projectName,
    meta: [
      [w('region'), f.regionName],
      [w('respondents'), whole(f.results.total, lang)],
      ...(f.opensAt
        ? ([[w('period'), `${date(f.opensAt, lang)} – ${f.closesAt ? date(f.closesAt, lang) : ''}`]] as [string, string][])
        : []),
    ],
    blocks,
    footer: w('footer', { date: date(todayInOslo(), lang) }),
  };
}
