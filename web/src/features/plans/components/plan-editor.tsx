import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { planCompleteness, type FieldValue, type PhaseKey, type PlanContent } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Plan, TemplateSection } from '../../../api/plan-types';
import { ErrorAlert } from '../../../components/error-alert';
import { intlLocale, useFormat } from '../../../lib/format';
import { getPlanQueryOptions } from '../api/get-plan';
import { BudgetEditor } from './budget-editor';
import { CostSharingSection } from './cost-sharing-section';
import { PlanDocumentButtons } from './document-downloads';
import { focusById, planFieldId } from './focus';
import { FieldLabel, FieldValueView, PlanFieldEditor, type KommuneOption } from './plan-fields';
import { PlanVersions } from './plan-versions';
import { useAutosave, usePlanWriter, type SaveState } from './use-plan-writer';
import './plans.css';

const BUDGET_SECTION = 'budget';

/**
 * A phase's plan: the template's sections in order with their guidance, an input per field that
 * autosaves, what is still missing, the budget and cost sharing, versions and documents. After a
 * version conflict the page reloads the plan on request and starts over from what is saved.
 */
export function PlanPage({
  projectId,
  projectName,
  phaseKey,
  plan,
  kommuner,
  mayEdit,
}: {
  projectId: string;
  projectName: string;
  phaseKey: PhaseKey;
  plan: Plan;
  kommuner: KommuneOption[];
  /** Whether the person's role lets them edit the project (to explain why a plan is read-only). */
  mayEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState(0);
  const [reloading, setReloading] = useState(false);

  const reload = useCallback(async () => {
    setReloading(true);
    try {
      await queryClient.fetchQuery({ ...getPlanQueryOptions(projectId, phaseKey), staleTime: 0 });
      setSession((s) => s + 1);
    } finally {
      setReloading(false);
    }
  }, [queryClient, projectId, phaseKey]);

  return (
    <PlanEditor
      key={session}
      projectId={projectId}
      projectName={projectName}
      phaseKey={phaseKey}
      plan={plan}
      kommuner={kommuner}
      mayEdit={mayEdit}
      reloaded={session > 0}
      reload={reload}
      reloading={reloading}
    />
  );
}

function PlanEditor({
  projectId,
  projectName,
  phaseKey,
  plan,
  kommuner,
  mayEdit,
  reloaded,
  reload,
  reloading,
}: {
  projectId: string;
  projectName: string;
  phaseKey: PhaseKey;
  plan: Plan;
  kommuner: KommuneOption[];
  mayEdit: boolean;
  reloaded: boolean;
  reload: () => Promise<void>;
  reloading: boolean;
}) {
  const { t } = useTranslation();
  const write = usePlanWriter(projectId, phaseKey, plan.version);
  const autosave = useAutosave(projectId, phaseKey, write);
  const [content, setContent] = useState<PlanContent>(() => plan.content);
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const sections = plan.template.sections;
  const editable = plan.editable;
  const completeness = planCompleteness(sections, content);
  const hasBudgetSection = sections.some((s) => s.key === BUDGET_SECTION);
  const budgetYears = [...new Set(plan.budget.lines.map((l) => l.year))];

  const onConflict = useCallback(() => {
    setConflict(true);
    requestAnimationFrame(() => conflictRef.current?.focus());
  }, []);

  const change = (section: string, field: string, value: FieldValue) => {
    setContent((c) => ({ ...c, [section]: { ...(c[section] ?? {}), [field]: value } }));
    autosave.change(section, field, value);
  };

  const showConflict = conflict || autosave.state.kind === 'conflict';
  const budgetBlock = (
    <>
      <BudgetEditor
        projectId={projectId}
        phaseKey={phaseKey}
        budget={plan.budget}
        editable={editable && !showConflict}
        write={write}
        onConflict={onConflict}
      />
      <CostSharingSection
        projectId={projectId}
        phaseKey={phaseKey}
        costSharing={plan.costSharing}
        budgetYears={budgetYears}
        editable={editable && !showConflict}
        write={write}
        onConflict={onConflict}
      />
    </>
  );

  return (
    <>
      <div className="page-header">
        <div>
          <Heading level={1} data-size="lg">
            {plan.template.title}
          </Heading>
          <Paragraph className="lead">{projectName}</Paragraph>
          <Paragraph data-size="sm" className="muted">
            {t('plans.editor.templateVersion', { version: plan.template.version })}
          </Paragraph>
        </div>
      </div>

      <div className="plan-toolbar">
        {editable ? <SaveStatusLine state={autosave.state} plan={plan} onRetry={() => void autosave.flush()} /> : <LastSaved plan={plan} />}
        <PlanDocumentButtons projectId={projectId} phaseKey={phaseKey} />
      </div>

      {reloaded && !showConflict && (
        <Alert data-color="info">
          <Paragraph>{t('plans.editor.reloaded')}</Paragraph>
        </Alert>
      )}
      {showConflict && (
        <Alert data-color="danger" role="alert" ref={conflictRef} tabIndex={-1} className="plan-conflict">
          <Heading level={2} data-size="xs">
            {t('plans.editor.conflictTitle')}
          </Heading>
          <Paragraph>{t('plans.editor.conflictBody')}</Paragraph>
          <Button type="button" onClick={() => void reload()} loading={reloading} disabled={reloading}>
            {t('plans.editor.reload')}
          </Button>
        </Alert>
      )}
      {!editable && (
        <Alert data-color="info">
          <Paragraph>{t(mayEdit ? 'plans.editor.closed' : 'plans.editor.readOnly')}</Paragraph>
        </Alert>
      )}

      <CompletenessPanel
        completeness={completeness}
        balanced={plan.budget.totals.balanced}
        empty={plan.budget.totals.empty}
        hasBudgetSection={hasBudgetSection}
      />

      {sections.map((section) => (
        <PlanSection
          key={section.key}
          section={section}
          content={content}
          editable={editable && !showConflict}
          kommuner={kommuner}
          onChange={change}
        >
          {section.key === BUDGET_SECTION ? budgetBlock : null}
        </PlanSection>
      ))}
      {!hasBudgetSection && (
        <section className="section" aria-labelledby="plan-budget-heading">
          <Heading level={2} data-size="md" id="plan-budget-heading">
            {t('plans.budget.heading')}
          </Heading>
          {budgetBlock}
        </section>
      )}

      <PlanVersions
        projectId={projectId}
        phaseKey={phaseKey}
        snapshots={plan.snapshots}
        canSave={editable && !showConflict}
        write={write}
        beforeSave={autosave.flush}
      />
    </>
  );
}

function useClock() {
  const { i18n } = useTranslation();
  return (date: Date) =>
    new Intl.DateTimeFormat(intlLocale(i18n.resolvedLanguage ?? 'nb'), { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** "Lagrer …" / "Lagret 14:32" in a polite live region; errors with a retry button beside it. */
function SaveStatusLine({ state, plan, onRetry }: { state: SaveState; plan: Plan; onRetry: () => void }) {
  const { t } = useTranslation();
  const clock = useClock();
  let text: string | null = null;
  if (state.kind === 'pending') text = t('plans.save.pending');
  else if (state.kind === 'saving') text = t('plans.save.saving');
  else if (state.kind === 'saved') text = t('plans.save.saved', { time: clock(state.at) });
  else if (state.kind === 'conflict') text = t('plans.save.conflict');
  else if (state.kind === 'error') text = t('plans.save.failed');
  return (
    <div className="plan-save-status">
      <p aria-live="polite" aria-atomic="true" className="plan-save-status__text">
        {text ?? <LastSavedText plan={plan} />}
      </p>
      {state.kind === 'error' && (
        <>
          <ErrorAlert error={state.error} />
          <div>
            <Button type="button" variant="secondary" data-size="sm" onClick={onRetry}>
              {t('plans.save.retry')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

function LastSaved({ plan }: { plan: Plan }) {
  return (
    <p className="plan-save-status__text">
      <LastSavedText plan={plan} readOnly />
    </p>
  );
}

function LastSavedText({ plan, readOnly = false }: { plan: Plan; readOnly?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const autosave = readOnly ? '' : ` ${t('plans.save.autosave')}`;
  if (!plan.updatedAt) return <>{readOnly ? t('plans.save.neverReadOnly') : t('plans.save.never')}</>;
  return (
    <>
      {plan.updatedBy
        ? t('plans.save.lastSavedBy', { dateTime: format.dateTime(plan.updatedAt), name: plan.updatedBy })
        : t('plans.save.lastSaved', { dateTime: format.dateTime(plan.updatedAt) })}
      {autosave}
    </>
  );
}

/** What is missing before submission: "3 av 9 påkrevde felt mangler", each linked to its field, and the budget's balance. */
function CompletenessPanel({
  completeness,
  balanced,
  empty,
  hasBudgetSection,
}: {
  completeness: ReturnType<typeof planCompleteness>;
  balanced: boolean;
  empty: boolean;
  hasBudgetSection: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const missing = completeness.missing.length;
  const budgetOk = balanced && !empty;
  return (
    <Card
      data-color={missing === 0 && budgetOk ? 'success' : 'warning'}
      variant="tinted"
      className="plan-completeness"
      aria-labelledby={headingId}
      asChild
    >
      <section>
        <Heading level={2} data-size="sm" id={headingId}>
          {t('plans.completeness.heading')}
        </Heading>
        <Paragraph>
          {missing === 0
            ? t('plans.completeness.complete', { count: completeness.required })
            : t('plans.completeness.missing', { count: missing, required: completeness.required })}
        </Paragraph>
        {missing > 0 && (
          <List.Unordered>
            {completeness.missing.map((m) => (
              <List.Item key={`${m.section}.${m.field}`}>
                <Link
                  href={`#${planFieldId(m.section, m.field)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusById(planFieldId(m.section, m.field));
                  }}
                >
                  {t('plans.completeness.item', { section: m.sectionTitle, field: m.label })}
                </Link>
              </List.Item>
            ))}
          </List.Unordered>
        )}
        <Paragraph>
          {budgetOk
            ? t('plans.completeness.budgetBalanced')
            : empty
              ? t('plans.completeness.budgetEmpty')
              : t('plans.completeness.budgetNotBalanced')}{' '}
          {!budgetOk && (
            <Link
              href={hasBudgetSection ? `#plan-section-${BUDGET_SECTION}` : '#plan-budget-heading'}
              onClick={(e) => {
                e.preventDefault();
                focusById(hasBudgetSection ? `plan-section-${BUDGET_SECTION}` : 'plan-budget-heading');
              }}
            >
              {t('plans.completeness.toBudget')}
            </Link>
          )}
        </Paragraph>
      </section>
    </Card>
  );
}

/** One template section: heading, its guidance beside the fields, and the fields (inputs, or text when read-only). */
function PlanSection({
  section,
  content,
  editable,
  kommuner,
  onChange,
  children,
}: {
  section: TemplateSection;
  content: PlanContent;
  editable: boolean;
  kommuner: KommuneOption[];
  onChange: (section: string, field: string, value: FieldValue) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `plan-section-${section.key}`;
  return (
    <section aria-labelledby={headingId} className="plan-section">
      <Heading level={2} data-size="md" id={headingId} tabIndex={-1}>
        {section.title}
      </Heading>
      <div className="plan-section__body">
        {section.guidance && (
          <Card data-color="neutral" variant="tinted" className="plan-guidance">
            <Heading level={3} data-size="2xs">
              {t('plans.editor.guidance')}
            </Heading>
            <Paragraph data-size="sm">{section.guidance}</Paragraph>
          </Card>
        )}
        <div className="plan-section__fields">
          {section.fields.map((field) => {
            const id = planFieldId(section.key, field.key);
            const value = content[section.key]?.[field.key];
            if (editable) {
              return (
                <PlanFieldEditor
                  key={field.key}
                  id={id}
                  field={field}
                  value={value}
                  kommuner={kommuner}
                  onChange={(v) => onChange(section.key, field.key, v)}
                />
              );
            }
            return (
              <div key={field.key} className="plan-field-view" id={id}>
                <Heading level={3} data-size="2xs">
                  <FieldLabel field={field} />
                </Heading>
                <FieldValueView value={value} />
              </div>
            );
          })}
        </div>
      </div>
      {children && <div className="plan-section__wide">{children}</div>}
    </section>
  );
}
