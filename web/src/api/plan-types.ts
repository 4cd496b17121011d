// Named types for the plans, templates and documents endpoints, derived from the generated `paths`
// (like ./types.ts) so they follow the server's OpenAPI document.
import type { FieldValue, PlanContent } from '@nvr/shared';
import type { paths } from './schema';

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type PlanPath = paths['/api/projects/{id}/phases/{phaseKey}/plan'];

/** The API types `content` as an opaque record; its real shape is the shared PlanContent. */
export type Plan = Omit<JsonOf<PlanPath['get']['responses'][200]>, 'content'> & { content: PlanContent };
export type PlanTemplate = Plan['template'];
export type TemplateSection = PlanTemplate['sections'][number];
export type TemplateField = TemplateSection['fields'][number];
/** A template field as the plan editor shows it: label and help in the language shown. */
export type ShownField = Omit<TemplateField, 'label' | 'help'> & { label: string; help?: string };
export type Completeness = Plan['completeness'];
export type Budget = Plan['budget'];
export type BudgetLine = Budget['lines'][number];
export type BudgetTotals = Budget['totals'];
export type CostSharing = Plan['costSharing'];
export type CostShareRow = CostSharing['rows'][number];
export type SnapshotSummary = Plan['snapshots'][number];

export type UpdatePlanBody = Omit<JsonOf<NonNullable<PlanPath['patch']['requestBody']>>, 'content'> & { content: PlanContent };
export type SaveBudgetBody = JsonOf<NonNullable<paths['/api/projects/{id}/phases/{phaseKey}/plan/budget']['put']['requestBody']>>;
export type BudgetLineInput = SaveBudgetBody['lines'][number];
export type SaveCostSharingBody = JsonOf<
  NonNullable<paths['/api/projects/{id}/phases/{phaseKey}/plan/cost-sharing']['put']['requestBody']>
>;
export type SavePlanVersionBody = JsonOf<NonNullable<paths['/api/projects/{id}/phases/{phaseKey}/plan/versions']['post']['requestBody']>>;

type RawComparison = JsonOf<paths['/api/projects/{id}/phases/{phaseKey}/plan/compare']['get']['responses'][200]>;
export type PlanChange = Omit<RawComparison['changes'][number], 'before' | 'after'> & {
  before: FieldValue | null;
  after: FieldValue | null;
};
export type PlanComparison = Omit<RawComparison, 'changes'> & { changes: PlanChange[] };

export type TemplateSummary = JsonOf<paths['/api/templates']['get']['responses'][200]>[number];
export type TemplateVersion = JsonOf<paths['/api/templates/{key}/versions/{version}']['get']['responses'][200]>;
export type SaveTemplateBody = JsonOf<NonNullable<paths['/api/templates/{key}']['put']['requestBody']>>;

export type DocumentFormat = 'pdf' | 'docx';
