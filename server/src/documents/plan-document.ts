/**
 * The phase plan as a document (PLP plan sections 1–8 with the budget and the kommuner's cost sharing).
 * Pure: the service reads the plan and the project, this lays them out.
 */
import {
  commonPopulationDate,
  costShareProblemText,
  documentWord,
  type FieldValue,
  type KommuneResource,
  type Lang,
  type Milestone,
  type PlanRole,
  localizeSections,
  templateText,
  type LocalizedField,
  type SubGoal,
  subGoalScheduleText,
} from '@nvr/shared';
import type { PlanDto } from '../plans/plan.dto';
import type { Block, DocModel } from './document-model';
import { date, enumLabel, kroner, label } from './labels';

export interface PlanDocumentData {
  project: { name: string; regionName: string; councilName: string; leader: string | null; kommuner: string[] };
  plan: Pick<PlanDto, 'template' | 'content' | 'budget' | 'costSharing' | 'snapshots' | 'changedSinceVersion'>;
  /** The footer's line (printed date). */
  footer: string;
}

/**
 * The plan's version as its readers know it: the number of the newest version kept ("Versjon 1" in
 * the app) with its name, or that the plan has changed since, or has no kept version yet. Never the
 * plan's internal revision counter, which every autosave bumps.
 */
export function planVersionText(plan: Pick<PlanDto, 'snapshots' | 'changedSinceVersion'>, lang: Lang): string {
  const newest = plan.snapshots[0];
  if (!newest) return documentWord('planNoVersion', lang);
  if (plan.changedSinceVersion) return documentWord('planChangedSince', lang, { n: newest.number });
  return newest.label ? `${newest.number} – ${newest.label}` : String(newest.number);
}

export function planDocument(data: PlanDocumentData, lang: Lang): DocModel {
  const { plan, project } = data;
  const blocks: Block[] = [];
  for (const section of localizeSections(plan.template.sections, lang)) {
    blocks.push({ type: 'heading', text: section.title });
    const sectionName = section.title
      .replace(/^\s*\d+[.)]?\s*/, '')
      .trim()
      .toLowerCase();
    for (const field of section.fields) {
      const value = plan.content[section.key]?.[field.key];
      const content = fieldBlocks(field, value, lang);
      if (!content) {
        // An empty field still says which field it is.
        blocks.push({ type: 'paragraph', text: `${field.label}: ${label('notFilled', lang)}`, italic: true });
        continue;
      }
      // A section's only field named like the section needs no label of its own.
      if (section.fields.length > 1 || field.label.trim().toLowerCase() !== sectionName)
        blocks.push({ type: 'paragraph', text: field.label, italic: true });
      blocks.push(...content);
    }
    if (section.key === 'budget') blocks.push(...budgetBlocks(plan, lang));
  }
  return {
    title: templateText(plan.template.title, lang),
    subtitle: project.name,
    meta: [
      [label('region', lang), project.regionName],
      [label('owner', lang), project.councilName],
      [label('leader', lang), project.leader ?? '–'],
      [label('kommuner', lang), project.kommuner.join(', ')],
      [label('planVersion', lang), planVersionText(plan, lang)],
    ],
    blocks,
    footer: data.footer,
  };
}

/** A field's content, or null when it is empty. */
function fieldBlocks(field: LocalizedField, value: FieldValue | undefined, lang: Lang): Block[] | null {
  if (value === undefined || value === null) return null;
  switch (field.kind) {
    case 'text':
    case 'longtext': {
      const text = typeof value === 'string' ? value.trim() : '';
      return text ? text.split(/\n{2,}/).map((p): Block => ({ type: 'paragraph', text: p })) : null;
    }
    case 'list': {
      const items = (value as string[]).filter((i) => i.trim());
      return items.length ? [{ type: 'list', items }] : null;
    }
    case 'subgoals': {
      const goals = value as SubGoal[];
      if (!goals.length) return null;
      return goals.flatMap((g, i): Block[] => {
        // When the sub-goal starts and ends, by quarter ("Fra 3. kv. 2027"), under its title.
        const when = subGoalScheduleText(g, lang);
        return [
          { type: 'paragraph', text: `${i + 1}. ${g.title}` },
          ...(when ? [{ type: 'paragraph' as const, text: when, italic: true }] : []),
          ...(g.activities.length ? [{ type: 'list' as const, items: g.activities }] : []),
        ];
      });
    }
    case 'kommune_resources': {
      const rows = value as KommuneResource[];
      if (!rows.length) return null;
      return [
        {
          type: 'table',
          head: [label('kommune', lang), label('positionShare', lang)],
          rows: rows.map((r) => [r.kommuneName, `${r.percent} %`]),
          alignRight: [1],
          widths: [2, 1],
        },
      ];
    }
    case 'milestones': {
      const rows = value as Milestone[];
      if (!rows.length) return null;
      return [
        {
          type: 'table',
          head: [label('milestone', lang), label('documentDate', lang)],
          rows: rows.map((m) => [m.title, date(m.date, lang)]),
          widths: [2, 1],
        },
      ];
    }
    case 'roles': {
      const rows = value as PlanRole[];
      if (!rows.length) return null;
      return [{ type: 'table', head: [label('role', lang), label('roleHolder', lang)], rows: rows.map((r) => [r.role, r.name]) }];
    }
  }
}

function budgetBlocks(plan: PlanDocumentData['plan'], lang: Lang): Block[] {
  const { lines, totals } = plan.budget;
  const table = (kind: 'cost' | 'financing'): Block => ({
    type: 'table',
    head: [label(kind === 'cost' ? 'category' : 'source', lang), label('year', lang), label('description', lang), label('amount', lang)],
    rows: [
      ...lines
        .filter((l) => l.kind === kind)
        .map((l) => [
          enumLabel(l.category, lang) + (l.status ? ` (${enumLabel(l.status, lang).toLowerCase()})` : ''),
          String(l.year),
          l.hours ? `${l.description ?? ''} ${l.hours} t × ${kroner(l.rate ?? 0, lang)}`.trim() : (l.description ?? ''),
          kroner(l.amount, lang),
        ]),
      [label('total', lang), '', '', kroner(kind === 'cost' ? totals.costs : totals.financing, lang)],
    ],
    alignRight: [3],
    widths: [3, 1, 3, 2],
    totalRows: 1,
  });
  const blocks: Block[] = [
    { type: 'paragraph', text: label('costs', lang), italic: true },
    table('cost'),
    { type: 'paragraph', text: label('financing', lang), italic: true },
    table('financing'),
    {
      type: 'table',
      head: [label('year', lang), label('costs', lang), label('financing', lang), label('difference', lang)],
      rows: totals.byYear.map((y) => [String(y.year), kroner(y.costs, lang), kroner(y.financing, lang), kroner(y.difference, lang)]),
      alignRight: [1, 2, 3],
    },
    { type: 'paragraph', text: label(totals.balanced ? 'balanced' : 'unbalanced', lang) },
  ];
  const cs = plan.costSharing;
  if (cs.rows.length) {
    const e = cs.settings.equalPercent;
    // The date of the figures actually used (each kommune's newest on or before the chosen date), not the chosen date.
    const asOf = commonPopulationDate(cs.rows);
    blocks.push(
      { type: 'heading', text: label('costSharing', lang) },
      {
        type: 'table',
        head: [
          label('kommune', lang),
          asOf ? documentWord('populationOn', lang, { date: date(asOf, lang) }) : label('population', lang),
          `${e} % ${label('equally', lang)}`,
          `${100 - e} % ${label('byPopulation', lang)}`,
          label('total', lang),
        ],
        rows: [
          ...cs.rows.map((r) => [
            r.name,
            !asOf && r.populationAsOf
              ? `${kroner(r.population, lang)}\n${documentWord('asOf', lang, { date: date(r.populationAsOf, lang) })}`
              : kroner(r.population, lang),
            kroner(r.equalPart, lang),
            kroner(r.populationPart, lang),
            kroner(r.amount, lang),
          ]),
          [
            label('total', lang),
            kroner(cs.totalPopulation, lang),
            kroner(cs.equalTotal, lang),
            kroner(cs.populationTotal, lang),
            kroner(cs.total, lang),
          ],
        ],
        alignRight: [1, 2, 3, 4],
        widths: [3, 2, 2, 2, 2],
        totalRows: 1,
      },
    );
  } else if (cs.reason) {
    blocks.push({ type: 'paragraph', text: costShareProblemText(cs.reason, lang), italic: true });
  }
  return blocks;
}
