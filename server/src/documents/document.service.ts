import { Injectable } from '@nestjs/common';
import {
  FieldValue,
  KommuneResource,
  Lang,
  Milestone,
  phaseSpec,
  PlanRole,
  RoleAssignment,
  SubGoal,
  TemplateField,
  todayInOslo,
  costShareProblemText,
} from '@nvr/shared';
import { DeliverableService } from '../deliverables/deliverable.service';
import { GateService } from '../gates/gate.service';
import { PlanDto } from '../plans/plan.dto';
import { PlanService } from '../plans/plan.service';
import { ProjectService } from '../projects/project.service';
import type { Block, DocModel } from './document-model';
import { date, enumLabel, kroner, label } from './labels';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';

export interface RenderedDocument {
  filename: string;
  contentType: string;
  data: Buffer;
}

const CONTENT_TYPES = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const;

/** Phase plans, deliverables and gate decisions as DOCX and PDF, laid out for the regionråd's meeting. */
@Injectable()
export class DocumentService {
  constructor(
    private readonly projects: ProjectService,
    private readonly plans: PlanService,
    private readonly deliverables: DeliverableService,
    private readonly gates: GateService,
  ) {}

  async plan(
    projectId: string,
    phaseKey: string,
    roles: readonly RoleAssignment[],
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<RenderedDocument> {
    const [project, plan] = await Promise.all([this.projects.get(projectId, roles), this.plans.get(projectId, phaseKey, roles)]);
    const blocks: Block[] = [];
    for (const section of plan.template.sections) {
      blocks.push({ type: 'heading', text: section.title });
      for (const field of section.fields) {
        if (section.fields.length > 1) blocks.push({ type: 'paragraph', text: field.label, italic: true });
        blocks.push(...fieldBlocks(field, plan.content[section.key]?.[field.key], lang));
      }
      if (section.key === 'budget') blocks.push(...budgetBlocks(plan, lang));
    }
    return this.render(
      {
        title: plan.template.title,
        subtitle: project.name,
        meta: [
          [label('region', lang), project.regionName],
          [label('owner', lang), project.councilName],
          [label('leader', lang), project.leader?.name ?? '–'],
          [label('kommuner', lang), project.kommuner.map((k) => k.name).join(', ')],
          [label('planVersion', lang), String(plan.version)],
        ],
        blocks,
        footer: footer(lang),
      },
      `${plan.template.title} – ${project.name}`,
      format,
    );
  }

  async deliverable(
    projectId: string,
    deliverableId: string,
    roles: readonly RoleAssignment[],
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<RenderedDocument> {
    const [project, d] = await Promise.all([this.projects.get(projectId, roles), this.deliverables.get(projectId, deliverableId, roles)]);
    const spec = phaseSpec(d.phaseKey as never).deliverables.find((s) => s.key === d.key);
    const title = spec ? spec.title[lang] : d.title;
    const blocks: Block[] = [
      ...(spec ? [{ type: 'paragraph' as const, text: spec.description[lang], italic: true }] : []),
      ...(d.content.trim()
        ? d.content.split(/\n{2,}/).map((p) => ({ type: 'paragraph' as const, text: p }))
        : [{ type: 'paragraph' as const, text: label('notFilled', lang), italic: true }]),
    ];
    if (d.files.length)
      blocks.push({ type: 'heading', text: label('files', lang) }, { type: 'list', items: d.files.map((f) => f.filename) });
    if (d.notRequiredReason)
      blocks.push({ type: 'heading', text: label('notRequired', lang) }, { type: 'paragraph', text: d.notRequiredReason });
    if (d.reviewComment) blocks.push({ type: 'heading', text: label('reviewComment', lang) }, { type: 'paragraph', text: d.reviewComment });
    return this.render(
      {
        title,
        subtitle: project.name,
        meta: [
          [label('region', lang), project.regionName],
          [label('phase', lang), phaseSpec(d.phaseKey as never).title[lang]],
          [label('state', lang), enumLabel(d.state, lang)],
          [label('responsible', lang), d.owner?.name ?? '–'],
          [label('dueDate', lang), date(d.dueDate, lang)],
        ],
        blocks,
        footer: footer(lang),
      },
      `${title} – ${project.name}`,
      format,
    );
  }

  async gate(
    projectId: string,
    phaseKey: string,
    roles: readonly RoleAssignment[],
    format: 'pdf' | 'docx',
    lang: Lang,
  ): Promise<RenderedDocument> {
    const [project, gate] = await Promise.all([this.projects.get(projectId, roles), this.gates.get(projectId, phaseKey, roles)]);
    const spec = phaseSpec(gate.phaseKey);
    const phase = project.phases.find((p) => p.key === gate.phaseKey);
    const itemText = (i: (typeof gate.readiness.items)[number]): string => {
      switch (i.kind) {
        case 'deliverable':
          return spec.deliverables.find((d) => d.key === i.key)?.title[lang] ?? i.key;
        case 'next_phase_plan':
          return label('nextPlanItem', lang);
        case 'checkpoint':
          return spec.checkpoints.find((c) => c.key === i.key)?.title[lang] ?? i.key;
        case 'budget':
          return `${label('budgetItem', lang)} (${kroner(Number(i.params?.costs ?? 0), lang)} / ${kroner(Number(i.params?.financing ?? 0), lang)} kr)`;
        case 'duration':
          return `${label('durationItem', lang)}: ${i.params?.months} ${label('months', lang)}`;
        default:
          return i.key;
      }
    };
    // Once submitted, the checklist is the one the regionråd received, not today's.
    const readiness = gate.submissions[0]?.readiness ?? gate.readiness;
    const blocks: Block[] = [
      { type: 'heading', text: label('readiness', lang) },
      {
        type: 'table',
        head: [label('item', lang), label('status', lang)],
        rows: readiness.items.map((i) => [itemText(i) ?? i.key, label(i.status as 'ok' | 'missing' | 'warning', lang)]),
      },
      { type: 'heading', text: label('checkpoints', lang) },
      {
        type: 'table',
        head: [label('item', lang), label('status', lang), label('comment', lang)],
        rows: gate.checkpoints.map((c) => [
          spec.checkpoints.find((x) => x.key === c.key)?.title[lang] ?? c.key,
          label(c.checked ? 'ok' : 'missing', lang),
          c.comment ?? '',
        ]),
      },
    ];
    const latest = gate.submissions[0];
    if (latest) {
      blocks.push(
        { type: 'heading', text: label('submission', lang) },
        { type: 'paragraph', text: `${label('submittedBy', lang)}: ${latest.submittedBy ?? '–'}, ${date(latest.submittedAt, lang)}` },
      );
      if (latest.note) blocks.push({ type: 'paragraph', text: latest.note });
    }
    blocks.push({ type: 'heading', text: label('decision', lang) });
    const decision = latest?.decision;
    if (decision) {
      blocks.push({
        type: 'table',
        head: [label('item', lang), ''],
        rows: [
          [label('outcome', lang), enumLabel(decision.outcome, lang)],
          [label('meetingDate', lang), date(decision.meetingDate, lang)],
          [label('caseNumber', lang), decision.caseNumber],
        ],
      });
      blocks.push({ type: 'paragraph', text: decision.decisionText });
      if (decision.conditions) blocks.push({ type: 'paragraph', text: `${label('conditions', lang)}: ${decision.conditions}` });
    } else {
      blocks.push({ type: 'paragraph', text: label('noDecision', lang), italic: true });
    }
    const title = `${label('decisionBasis', lang)}: ${spec.title[lang]}`;
    return this.render(
      {
        title,
        subtitle: project.name,
        meta: [
          [label('region', lang), project.regionName],
          [label('owner', lang), project.councilName],
          [label('leader', lang), project.leader?.name ?? '–'],
          [label('state', lang), enumLabel(gate.phaseState, lang)],
          [label('phase', lang), `${date(phase?.actualStart, lang)} – ${phase?.actualEnd ? date(phase.actualEnd, lang) : ''}`],
        ],
        blocks,
        footer: footer(lang),
      },
      `${title} – ${project.name}`,
      format,
    );
  }

  private async render(doc: DocModel, name: string, format: 'pdf' | 'docx'): Promise<RenderedDocument> {
    const data = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc);
    return { filename: `${name.replace(/[\\/:*?"<>|]/g, '-')}.${format}`, contentType: CONTENT_TYPES[format], data };
  }
}

function footer(lang: Lang): string {
  return `${label('printed', lang)} ${date(todayInOslo(), lang)} ${label('from', lang)}`;
}

function fieldBlocks(field: TemplateField, value: FieldValue | undefined, lang: Lang): Block[] {
  const empty: Block[] = [{ type: 'paragraph', text: label('notFilled', lang), italic: true }];
  if (value === undefined || value === null) return empty;
  switch (field.kind) {
    case 'text':
    case 'longtext':
      return (value as string).trim() ? (value as string).split(/\n{2,}/).map((text) => ({ type: 'paragraph', text })) : empty;
    case 'list':
      return (value as string[]).length ? [{ type: 'list', items: value as string[] }] : empty;
    case 'subgoals':
      return (value as SubGoal[]).flatMap((g, i): Block[] => [
        { type: 'paragraph', text: `${i + 1}. ${g.title}` },
        ...(g.activities.length ? [{ type: 'list' as const, items: g.activities }] : []),
      ]);
    case 'kommune_resources':
      return [
        {
          type: 'table',
          head: [label('kommune', lang), '%'],
          rows: (value as KommuneResource[]).map((r) => [r.kommuneName, `${r.percent} %`]),
          alignRight: [1],
        },
      ];
    case 'milestones':
      return [
        {
          type: 'table',
          head: [label('item', lang), label('dueDate', lang)],
          rows: (value as Milestone[]).map((m) => [m.title, date(m.date, lang)]),
        },
      ];
    case 'roles':
      return [{ type: 'table', head: [label('item', lang), ''], rows: (value as PlanRole[]).map((r) => [r.role, r.name]) }];
  }
}

function budgetBlocks(plan: PlanDto, lang: Lang): Block[] {
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
    blocks.push(
      { type: 'heading', text: label('costSharing', lang) },
      {
        type: 'table',
        head: [
          label('kommune', lang),
          `${label('population', lang)}${cs.rows[0].populationAsOf ? ` ${date(cs.rows[0].populationAsOf, lang)}` : ''}`,
          `${e} % ${label('equally', lang)}`,
          `${100 - e} % ${label('byPopulation', lang)}`,
          label('total', lang),
        ],
        rows: [
          ...cs.rows.map((r) => [
            r.name,
            kroner(r.population, lang),
            kroner(r.equalPart, lang),
            kroner(r.populationPart, lang),
            kroner(r.amount, lang),
          ]),
          ['', kroner(cs.totalPopulation, lang), kroner(cs.equalTotal, lang), kroner(cs.populationTotal, lang), kroner(cs.total, lang)],
        ],
        alignRight: [1, 2, 3, 4],
      },
    );
  } else if (cs.reason) {
    blocks.push({ type: 'paragraph', text: costShareProblemText(cs.reason, lang), italic: true });
  }
  return blocks;
}
