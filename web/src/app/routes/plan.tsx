import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { isPhaseKey, type PhaseKey } from '@nvr/shared';
import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getPlanQueryOptions, usePlan } from '../../features/plans/api/get-plan';
import { PlanPage } from '../../features/plans/components/plan-editor';
import { CommentsSection } from '../../features/progress/components/comments-section';
import { getProjectQueryOptions, useProject } from '../../features/projects/api/get-project';
import { isProjectNotFound, ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const planLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (isUuid(params.id) && params.phaseKey && isPhaseKey(params.phaseKey)) {
      void queryClient.prefetchQuery(getProjectQueryOptions(params.id));
      void queryClient.prefetchQuery(getPlanQueryOptions(params.id, params.phaseKey));
    }
    return null;
  };

/** /prosjekter/:id/faser/:phaseKey/plan — the phase plan editor, with the plan's comments below. */
export function PlanRoute() {
  const { t } = useTranslation();
  const { id, phaseKey } = useParams();
  const valid = isUuid(id) && !!phaseKey && isPhaseKey(phaseKey);
  const key: PhaseKey = valid && phaseKey && isPhaseKey(phaseKey) ? phaseKey : 'forstudie';
  const project = useProject(id ?? '', { enabled: valid });
  const plan = usePlan(id ?? '', key, { enabled: valid });
  const error = project.error ?? plan.error;
  const notFound = !valid || isProjectNotFound(project.error) || isProjectNotFound(plan.error);
  const phase = project.data?.phases.find((p) => p.key === key);

  useDocumentTitle(
    notFound
      ? t('projects.detail.notFoundTitle')
      : project.data && plan.data
        ? `${t('plans.editor.documentTitle', { phase: t(`plans.phaseDefinite.${key}`) })} – ${project.data.name}`
        : error
          ? t('plans.editor.loadError')
          : t('plans.editor.loading'),
  );

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project.data} />
      {notFound ? (
        <>
          <Heading level={1} data-size="lg">
            {t('projects.detail.notFoundTitle')}
          </Heading>
          <Paragraph>{t('projects.detail.notFoundBody')}</Paragraph>
        </>
      ) : project.data && plan.data ? (
        <>
          <PlanPage
            projectId={project.data.id}
            projectName={project.data.name}
            phaseKey={key}
            plan={plan.data}
            kommuner={project.data.kommuner}
            mayEdit={project.data.permissions.edit}
          />
          {phase && (
            <CommentsSection
              projectId={project.data.id}
              targetType="phase_plan"
              targetId={phase.id}
              canComment={project.data.permissions.comment}
            />
          )}
        </>
      ) : error ? (
        <>
          <Heading level={1} data-size="lg">
            {t('plans.editor.loadError')}
          </Heading>
          <ErrorAlert error={error} />
        </>
      ) : (
        <Loading label={t('plans.editor.loading')} />
      )}
    </div>
  );
}
