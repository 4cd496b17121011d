import { isPhaseKey, type PhaseKey } from '@nvr/shared';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getPlanQueryOptions } from '../../features/plans/api/get-plan';
import { PlanPage } from '../../features/plans/components/plan-editor';
import { CommentsSection } from '../../features/progress/components/comments-section';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

/** Loads the project and its phase plan (a plan the server does not find is "project not found"). */
export const planLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id) || !params.phaseKey || !isPhaseKey(params.phaseKey)) notFound('project');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getPlanQueryOptions(params.id, params.phaseKey), 'project'),
    ]);
    return null;
  };

/** The route's project and plan, read after the loader has them (shared with the compare page). */
export function usePlanRouteData() {
  const { id = '', phaseKey } = useParams();
  const key = phaseKey as PhaseKey;
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const { data: plan } = useSuspenseQuery(getPlanQueryOptions(id, key));
  return { key, project, plan };
}

/** /prosjekter/:id/faser/:phaseKey/plan — the phase plan editor, with the plan's comments below. */
export function PlanRoute() {
  const { t } = useTranslation();
  const { key, project, plan } = usePlanRouteData();
  const phase = project.phases.find((p) => p.key === key);
  useDocumentTitle(`${t('plans.editor.documentTitle', { phase: t(`plans.phaseDefinite.${key}`) })} – ${project.name}`);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <PlanPage
        projectId={project.id}
        projectName={project.name}
        phaseKey={key}
        plan={plan}
        kommuner={project.kommuner}
        mayEdit={project.permissions.edit}
      />
      {phase && (
        <CommentsSection projectId={project.id} targetType="phase_plan" targetId={phase.id} canComment={project.permissions.comment} />
      )}
    </div>
  );
}
