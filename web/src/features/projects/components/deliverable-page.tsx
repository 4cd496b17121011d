import { useCallback, useId, useRef, useState } from 'react';
import { Alert, Button, Card, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { nextPhaseKey, type PhaseKey } from '@nvr/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../api/plan-types';
import type { Deliverable, Project } from '../../../api/types';
import { Loading } from '../../../components/loading';
import { api, unwrap } from '../../../lib/api-client';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { deliverableSpec, useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useMarkRequired } from '../api/mark-required';
import { useSubmitDeliverable } from '../api/submit-deliverable';
import { useWithdrawDeliverable } from '../api/withdraw-deliverable';
import { DeliverableEditForm } from './deliverable-edit-form';
import { DeliverableFiles } from './deliverable-files';
import { NotRequiredForm } from './not-required-form';
import { ReviewForm } from './review-form';
import { DeliverableStateTag } from './state-tags';
import { useTemplateText } from '../../../lib/template-text';

/**
 * One deliverable: what it is, its text (an edit form for those who may edit it now), files, and
 * the actions that move it on — submit and withdraw (project), accept or return (regionråd),
 * not required (project leader). After each action focus goes to the heading and a message is announced.
 */
export function DeliverablePage({ project, deliverable }: { project: Project; deliverable: Deliverable }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [dirtyWarning, setDirtyWarning] = useState(false);

  const phase = project.phases.find((p) => p.key === deliverable.phaseKey);
  const phaseOpen = project.status === 'active' && (phase?.state === 'not_started' || phase?.state === 'in_progress');
  const spec = deliverableSpec(deliverable.key);
  const { permissions } = project;
  const title = catalogue.deliverableTitle(deliverable);
  const team = [...(project.leader ? [project.leader] : []), ...project.members];

  const announce = useCallback((message: string) => {
    setStatus(message);
    setDirtyWarning(false);
    requestAnimationFrame(() => headingRef.current?.focus());
  }, []);
  const announceHere = useCallback((message: string) => setStatus(message), []);

  const submit = useSubmitDeliverable(project.id, deliverable.id, { onSuccess: () => announce(t('deliverables.actions.submitted')) });
  const withdraw = useWithdrawDeliverable(project.id, deliverable.id, { onSuccess: () => announce(t('deliverables.actions.withdrawn')) });
  const markRequired = useMarkRequired(project.id, deliverable.id, { onSuccess: () => announce(t('deliverables.actions.requiredAgain')) });
  const actionError = submit.error ?? withdraw.error ?? markRequired.error;

  const canSubmit = deliverable.editable;
  const canWithdraw = deliverable.state === 'submitted' && permissions.edit && phaseOpen;
  const canMarkRequired = deliverable.state === 'not_required' && permissions.submit && phaseOpen;
  const canReview = deliverable.state === 'submitted' && permissions.decide;
  const canMarkNotRequired = deliverable.editable && permissions.submit && !spec?.nextPhasePlan;
  // The plan deliverable is the next phase's plan as written in the plan editor: no text box of its own.
  const planPhase = spec?.nextPhasePlan ? nextPhaseKey(deliverable.phaseKey) : null;

  return (
    <>
      <div className="page-header">
        <div className="page-header__title">
          <Heading level={1} data-size="lg" ref={headingRef} tabIndex={-1}>
            {title}
          </Heading>
          <DeliverableStateTag state={deliverable.state} />
        </div>
      </div>
      <StatusMessage message={status} />
      {spec && <Paragraph className="lead">{catalogue.text(spec.description)}</Paragraph>}
      <dl className="facts">
        <div>
          <dt>{t('deliverables.facts.phase')}</dt>
          <dd>{catalogue.phaseTitle(deliverable.phaseKey)}</dd>
        </div>
        <div>
          <dt>{t('deliverables.facts.required')}</dt>
          <dd>
            {deliverable.required
              ? spec?.nextPhasePlan
                ? t('deliverables.facts.requiredPlan')
                : t('deliverables.facts.requiredYes')
              : t('deliverables.facts.requiredNo')}
          </dd>
        </div>
        <div>
          <dt>{t('deliverables.facts.owner')}</dt>
          <dd>{deliverable.owner?.name ?? <span className="muted">{t('projects.deliverables.noOwner')}</span>}</dd>
        </div>
        <div>
          <dt>{t('deliverables.facts.due')}</dt>
          <dd>{deliverable.dueDate ? format.date(deliverable.dueDate) : '–'}</dd>
        </div>
      </dl>

      {deliverable.state === 'returned' && (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t('deliverables.notice.returnedTitle')}
          </Heading>
          <Paragraph className="prewrap">{deliverable.reviewComment ?? t('deliverables.notice.noComment')}</Paragraph>
        </Alert>
      )}
      {deliverable.state === 'accepted' && (
        <Alert data-color="success">
          <Heading level={2} data-size="xs">
            {t('deliverables.notice.acceptedTitle')}
          </Heading>
          {deliverable.reviewComment && <Paragraph className="prewrap">{deliverable.reviewComment}</Paragraph>}
        </Alert>
      )}
      {deliverable.state === 'submitted' && !canReview && (
        <Alert data-color="info">
          <Paragraph>{t('deliverables.notice.submitted')}</Paragraph>
        </Alert>
      )}
      {deliverable.state === 'not_required' && (
        <Alert data-color="info">
          <Heading level={2} data-size="xs">
            {t('deliverables.notice.notRequiredTitle')}
          </Heading>
          <Paragraph className="prewrap">{deliverable.notRequiredReason}</Paragraph>
        </Alert>
      )}

      {planPhase && <NextPhasePlanPanel projectId={project.id} phaseKey={planPhase} />}

      {deliverable.editable ? (
        <DeliverableEditForm
          deliverable={deliverable}
          team={team}
          withContent={!planPhase}
          onSaved={announceHere}
          onDirtyChange={setDirty}
        />
      ) : (
        !planPhase && <DeliverableText deliverable={deliverable} />
      )}
      {/* Text written in the plan deliverable before the plan editor took its place stays readable. */}
      {planPhase && deliverable.content.trim() !== '' && (
        <DeliverableText deliverable={deliverable} heading={t('caseRoute.plan.earlierText')} />
      )}

      <DeliverableFiles deliverable={deliverable} onChanged={announceHere} />

      {(canSubmit || canWithdraw || canMarkRequired) && (
        <section className="section" aria-label={t('deliverables.actions.heading')}>
          {canSubmit && <Paragraph>{t('deliverables.actions.submitIntro', { council: project.councilName })}</Paragraph>}
          {dirtyWarning && dirty && (
            <Alert data-color="warning" role="alert">
              <Paragraph>{t('deliverables.actions.saveFirst')}</Paragraph>
            </Alert>
          )}
          {actionError && <ErrorAlert error={actionError} />}
          <div className="form__actions">
            {canSubmit && (
              <Button
                onClick={() => {
                  if (dirty) {
                    setDirtyWarning(true);
                    return;
                  }
                  submit.mutate();
                }}
                loading={submit.isPending}
                disabled={submit.isPending}
              >
                {t('deliverables.actions.submit')}
              </Button>
            )}
            {canWithdraw && (
              <Button variant="secondary" onClick={() => withdraw.mutate()} loading={withdraw.isPending} disabled={withdraw.isPending}>
                {t('deliverables.actions.withdraw')}
              </Button>
            )}
            {canMarkRequired && (
              <Button
                variant="secondary"
                onClick={() => markRequired.mutate()}
                loading={markRequired.isPending}
                disabled={markRequired.isPending}
              >
                {t('deliverables.actions.markRequired')}
              </Button>
            )}
          </div>
        </section>
      )}

      {canReview && <ReviewForm deliverable={deliverable} onReviewed={announce} />}

      {canMarkNotRequired && <NotRequiredForm deliverable={deliverable} onMarked={announce} />}

      <Paragraph>
        <Link asChild>
          <RouterLink to={`/prosjekter/${project.id}/faser/${deliverable.phaseKey}/beslutning`}>
            {t('projects.stepper.gateLink', { phase: catalogue.phaseTitle(deliverable.phaseKey) })}
          </RouterLink>
        </Link>
      </Paragraph>
    </>
  );
}

function DeliverableText({ deliverable, heading }: { deliverable: Deliverable; heading?: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {heading ?? t('deliverables.text.heading')}
      </Heading>
      {deliverable.content.trim() ? (
        <div className="document prewrap">{deliverable.content}</div>
      ) : (
        <Paragraph className="muted">{t('deliverables.text.empty')}</Paragraph>
      )}
    </section>
  );
}

/** The next phase's plan, as the plan editor reads it (same query key, so the two stay in step). */
function nextPhasePlanQueryOptions(projectId: string, phaseKey: PhaseKey) {
  return queryOptions({
    queryKey: ['projects', 'detail', projectId, 'plan', phaseKey],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/projects/{id}/phases/{phaseKey}/plan', { params: { path: { id: projectId, phaseKey } }, signal })) as Plan,
  });
}

/**
 * In place of a text box: the plan deliverable is the next phase's plan. Links to the plan editor, says
 * what is still missing there, and that submitting the gate freezes the plan as the submitted version.
 */
function NextPhasePlanPanel({ projectId, phaseKey }: { projectId: string; phaseKey: PhaseKey }) {
  const { t } = useTranslation();
  const { tt } = useTemplateText();
  const headingId = useId();
  const plan = useQuery(nextPhasePlanQueryOptions(projectId, phaseKey));
  const phase = t(`caseRoute.gates.${phaseKey as 'forprosjekt' | 'hovedprosjekt'}`);
  const completeness = plan.data?.completeness;
  const budget = plan.data?.budget.totals;
  const missing = completeness?.missing ?? [];
  const ready = completeness?.complete && budget?.balanced && !budget.empty;
  const color = !completeness ? 'neutral' : ready ? 'success' : 'warning';

  return (
    <Card data-color={color} variant="tinted" aria-labelledby={headingId} asChild>
      <section className="section">
        <Heading level={2} data-size="md" id={headingId}>
          {t('caseRoute.plan.heading', { phase })}
        </Heading>
        <Paragraph>{t('caseRoute.plan.intro')}</Paragraph>
        {plan.isPending ? (
          <Loading label={t('caseRoute.plan.loading')} />
        ) : plan.isError ? (
          <ErrorAlert error={plan.error} title={t('caseRoute.plan.loadError')} />
        ) : completeness && completeness.complete ? (
          <Paragraph>{t('caseRoute.plan.complete', { count: completeness.required })}</Paragraph>
        ) : completeness ? (
          <>
            <Paragraph>{t('caseRoute.plan.missing', { count: missing.length, required: completeness.required })}</Paragraph>
            <List.Unordered>
              {missing.map((m) => (
                <List.Item key={`${m.section}.${m.field}`}>
                  {t('caseRoute.plan.missingItem', { section: tt(m.sectionTitle), field: tt(m.label) })}
                </List.Item>
              ))}
            </List.Unordered>
          </>
        ) : null}
        {budget && (
          <Paragraph>
            {budget.empty
              ? t('caseRoute.plan.budgetEmpty')
              : budget.balanced
                ? t('caseRoute.plan.budgetBalanced')
                : t('caseRoute.plan.budgetNotBalanced')}
          </Paragraph>
        )}
        <Paragraph>{t('caseRoute.plan.freezes')}</Paragraph>
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/prosjekter/${projectId}/faser/${phaseKey}/plan`}>{t('caseRoute.plan.open', { phase })}</RouterLink>
          </Link>
        </Paragraph>
      </section>
    </Card>
  );
}
