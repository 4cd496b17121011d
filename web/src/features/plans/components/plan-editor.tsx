import { useCallback, useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { planCompleteness, type PhaseKey, type PlanContent } from '@nvr/shared';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../api/plan-types';
import { getPlanQueryOptions } from '../api/get-plan';
import { BudgetEditor } from './budget-editor';
import { CostSharingSection } from './cost-sharing-section';
import { PlanDocumentButtons } from './document-downloads';
import type { KommuneOption } from './plan-field-rows';
import { CompletenessPanel } from './plan-completeness';
import { LastSaved, SaveStatusLine } from './plan-save-status';
import { usePlanForm, type PlanFormValues } from './plan-form';
import { BUDGET_SECTION, PlanSection } from './plan-section';
import { PlanVersions } from './plan-versions';
import { useAutosave, usePlanWriter } from './use-plan-writer';
import './plans.css';
import { useTemplateText } from '../../../lib/template-text';

/**
 * A phase's plan: the template's sections in order with their guidance, one form of the answers whose
 * changed fields autosave, what is still missing, the budget and cost sharing, versions and documents.
 * After a version conflict the page reloads the plan on request and starts over from what is saved.
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
  const { tt } = useTemplateText();
  const write = usePlanWriter(projectId, phaseKey, plan.version);
  const { form, changes } = usePlanForm(plan);
  const autosave = useAutosave(projectId, phaseKey, write, changes);
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const sections = plan.template.sections;
  const editable = plan.editable;
  const hasBudgetSection = sections.some((s) => s.key === BUDGET_SECTION);
  const budgetYears = [...new Set(plan.budget.lines.map((l) => l.year))];

  const onConflict = useCallback(() => {
    setConflict(true);
    requestAnimationFrame(() => conflictRef.current?.focus());
  }, []);

  const showConflict = conflict || autosave.state.kind === 'conflict';
  const budgetBlock = (
    <>
      <BudgetEditor
        projectId={projectId}
        phaseKey={phaseKey}
        budget={plan.budget}
        ownWorkRate={plan.ownWorkHourlyRate}
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
            {tt(plan.template.title)}
          </Heading>
          <Paragraph className="lead">{projectName}</Paragraph>
          <Paragraph data-size="sm" className="muted">
            {t('plans.editor.templateVersion', { version: plan.template.version })}
          </Paragraph>
        </div>
      </div>

      <div className="plan-toolbar">
        {editable ? (
          <SaveStatusLine state={autosave.state} plan={plan} formError={form.formError} onRetry={() => void autosave.flush()} />
        ) : (
          <LastSaved plan={plan} />
        )}
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

      <LiveCompleteness
        control={form.control}
        sections={sections}
        balanced={plan.budget.totals.balanced}
        empty={plan.budget.totals.empty}
        hasBudgetSection={hasBudgetSection}
      />

      {sections.map((section) => (
        <PlanSection key={section.key} section={section} control={form.control} editable={editable && !showConflict} kommuner={kommuner}>
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

/** What is still missing, from the answers as they are typed. */
function LiveCompleteness({
  control,
  sections,
  ...budget
}: {
  control: Control<PlanFormValues>;
  sections: Plan['template']['sections'];
  balanced: boolean;
  empty: boolean;
  hasBudgetSection: boolean;
}) {
  const content = useWatch({ control, name: 'content' }) as PlanContent;
  return <CompletenessPanel completeness={planCompleteness(sections, content)} {...budget} />;
}
