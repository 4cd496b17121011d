/**
 * Templates and phase plans. A template is a list of sections, each with guidance and the fields it
 * asks for; a plan is the answers, keyed by section and field. These rules check what is missing and
 * compare two versions of a plan.
 */
import type { Lang, Text } from './plp';
import { subGoalScheduleProblem, type Quarter } from './plan-schedule';
import { templateText } from './template-text';

export const FIELD_KINDS = ['text', 'longtext', 'list', 'subgoals', 'kommune_resources', 'milestones', 'roles'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/**
 * A text of a template: a plain string (bokmål) in versions written before templates had languages,
 * a Text with nb, nn and en since. Read it with templateText.
 */
export type TemplateText = string | Text;

export interface TemplateField {
  key: string;
  label: TemplateText;
  kind: FieldKind;
  required: boolean;
  help?: TemplateText;
  /** What a new plan starts with in this field, e.g. the roles rows with empty names; per language or one for all. */
  defaultValue?: TemplateDefault;
}

export interface TemplateSection {
  key: string;
  title: TemplateText;
  guidance: TemplateText;
  fields: TemplateField[];
}

export interface SubGoal {
  title: string;
  activities: string[];
  /** The quarter the sub-goal starts, 'YYYY-Qn' (plan-schedule.ts); left out in plans written before quarters. */
  start?: Quarter;
  /** The quarter it ends; left out when open or not known. */
  end?: Quarter;
}
export interface KommuneResource {
  kommuneId: string;
  kommuneName: string;
  /** Share of a full position, 0–100. */
  percent: number;
}
export interface Milestone {
  title: string;
  date: string;
}
export interface PlanRole {
  role: string;
  name: string;
}

export type FieldValue = string | string[] | SubGoal[] | KommuneResource[] | Milestone[] | PlanRole[];
/** A field's default: one value, or one per language (role names are words of the reader's language). */
export type TemplateDefault = FieldValue | Record<Lang, FieldValue>;
export type PlanContent = Record<string, Record<string, FieldValue | undefined> | undefined>;

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isObjArray = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) && v.every((x) => x !== null && typeof x === 'object' && !Array.isArray(x));
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a value does not fit its field, or null when it does. */
export function fieldValueProblem(kind: FieldKind, value: unknown): string | null {
  switch (kind) {
    case 'text':
    case 'longtext':
      return isStr(value) ? (value.length > 50000 ? 'is longer than 50 000 characters' : null) : 'must be text';
    case 'list':
      return isStrArray(value) ? null : 'must be a list of texts';
    case 'subgoals':
      return isObjArray(value) && value.every((g) => isStr(g.title) && isStrArray(g.activities))
        ? (value.map((g, i) => subGoalScheduleProblem(g, i + 1)).find((p) => p !== null) ?? null)
        : 'must be a list of sub-goals, each with a title and a list of activities';
    case 'kommune_resources':
      return isObjArray(value) &&
        value.every(
          (r) => isStr(r.kommuneId) && isStr(r.kommuneName) && typeof r.percent === 'number' && r.percent >= 0 && r.percent <= 100,
        )
        ? null
        : 'must list kommuner, each with a share of a position from 0 to 100 %';
    case 'milestones':
      return isObjArray(value) && value.every((m) => isStr(m.title) && isStr(m.date) && (m.date === '' || ISO_DATE.test(m.date)))
        ? null
        : 'must be milestones, each with a title and a date YYYY-MM-DD';
    case 'roles':
      return isObjArray(value) && value.every((r) => isStr(r.role) && isStr(r.name)) ? null : 'must be roles, each with a role and a name';
  }
}

/** Checks a (partial) plan against its template: unknown sections or fields, and values of the wrong shape. */
export function validatePlanContent(
  sections: readonly TemplateSection[],
  content: PlanContent,
  lang: Lang = 'nb',
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [sectionKey, fields] of Object.entries(content)) {
    const section = sections.find((s) => s.key === sectionKey);
    if (!section) {
      problems.push({ field: sectionKey, message: `The template has no section "${sectionKey}"` });
      continue;
    }
    for (const [fieldKey, value] of Object.entries(fields ?? {})) {
      const field = section.fields.find((f) => f.key === fieldKey);
      const path = `${sectionKey}.${fieldKey}`;
      if (!field) problems.push({ field: path, message: `The section "${templateText(section.title, lang)}" has no field "${fieldKey}"` });
      else if (value !== undefined) {
        const problem = fieldValueProblem(field.kind, value);
        if (problem) problems.push({ field: path, message: `${templateText(field.label, lang)} ${problem}` });
      }
    }
  }
  return problems;
}

export function isFieldFilled(kind: FieldKind, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  switch (kind) {
    case 'text':
    case 'longtext':
      return isStr(value) && value.trim().length > 0;
    case 'list':
      return isStrArray(value) && value.some((s) => s.trim());
    case 'subgoals':
      return isObjArray(value) && value.some((g) => isStr(g.title) && g.title.trim());
    case 'kommune_resources':
      return isObjArray(value) && value.some((r) => typeof r.percent === 'number' && r.percent > 0);
    case 'milestones':
      return isObjArray(value) && value.some((m) => isStr(m.title) && m.title.trim() && isStr(m.date) && ISO_DATE.test(m.date));
    case 'roles':
      return isObjArray(value) && value.some((r) => isStr(r.name) && r.name.trim());
  }
}

export interface PlanCompleteness {
  complete: boolean;
  filled: number;
  required: number;
  missing: { section: string; sectionTitle: TemplateText; field: string; label: TemplateText }[];
}

/** Which required fields are still empty: what to tell the project leader before they submit. */
export function planCompleteness(sections: readonly TemplateSection[], content: PlanContent): PlanCompleteness {
  const missing: PlanCompleteness['missing'] = [];
  let required = 0;
  for (const s of sections) {
    for (const f of s.fields.filter((x) => x.required)) {
      required += 1;
      if (!isFieldFilled(f.kind, content[s.key]?.[f.key]))
        missing.push({ section: s.key, sectionTitle: s.title, field: f.key, label: f.label });
    }
  }
  return { complete: missing.length === 0, filled: required - missing.length, required, missing };
}

/** Merges a partial update into a plan, section by section and field by field. */
export function mergePlanContent(base: PlanContent, patch: PlanContent): PlanContent {
  const out: PlanContent = { ...base };
  for (const [section, fields] of Object.entries(patch)) out[section] = { ...(base[section] ?? {}), ...(fields ?? {}) };
  return out;
}

export interface PlanChange {
  section: string;
  sectionTitle: TemplateText;
  field: string;
  label: TemplateText;
  before: FieldValue | null;
  after: FieldValue | null;
}

/** The fields that differ between two versions of a plan, in template order. */
export function diffPlans(sections: readonly TemplateSection[], before: PlanContent, after: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const s of sections) {
    for (const f of s.fields) {
      const a = before[s.key]?.[f.key] ?? null;
      const b = after[s.key]?.[f.key] ?? null;
      if (JSON.stringify(a) !== JSON.stringify(b))
        changes.push({ section: s.key, sectionTitle: s.title, field: f.key, label: f.label, before: a, after: b });
    }
  }
  return changes;
}
