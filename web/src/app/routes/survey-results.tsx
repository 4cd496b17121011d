import { Link } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { getResultsQueryOptions } from '../../features/surveys/api/get-results';
import { getSurveyQueryOptions } from '../../features/surveys/api/get-survey';
import { SurveyResultsPage } from '../../features/surveys/components/survey-results-page';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

/** Loads the project, the survey and its results. */
export const surveyResultsLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    if (!isUuid(params.surveyId)) notFound('page');
    await ensureFound(queryClient, getProjectQueryOptions(params.id), 'project');
    await Promise.all([
      ensureFound(queryClient, getSurveyQueryOptions(params.id, params.surveyId), 'page'),
      ensureFound(queryClient, getResultsQueryOptions(params.id, params.surveyId), 'page'),
    ]);
    return null;
  };

/** /prosjekter/:id/kartlegging/undersokelser/:surveyId/resultater — results, cross-tabulation, exports and import. */
export function SurveyResultsRoute() {
  const { t } = useTranslation();
  const { id = '', surveyId = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const { data: survey } = useSuspenseQuery(getSurveyQueryOptions(id, surveyId));
  useDocumentTitle(`${t('surveys.results.heading', { title: survey.title })} – ${project.name}`);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Link asChild>
        <RouterLink to={`/prosjekter/${project.id}/kartlegging`}>{t('surveys.mapping.back')}</RouterLink>
      </Link>
      <SurveyResultsPage projectId={project.id} surveyId={survey.id} mayEdit={project.permissions.edit} kommuner={project.kommuner} />
    </div>
  );
}
