import { Link } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { getSurveyQueryOptions } from '../../features/surveys/api/get-survey';
import { SurveyPage } from '../../features/surveys/components/survey-page';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

/** Loads the project and the survey (a survey the server does not find is a page not found). */
export const surveyLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    if (!isUuid(params.surveyId)) notFound('page');
    await ensureFound(queryClient, getProjectQueryOptions(params.id), 'project');
    await ensureFound(queryClient, getSurveyQueryOptions(params.id, params.surveyId), 'page');
    return null;
  };

/** /prosjekter/:id/kartlegging/undersokelser/:surveyId — a survey's editor, opening and links. */
export function SurveyRoute() {
  const { t } = useTranslation();
  const { id = '', surveyId = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const { data: survey } = useSuspenseQuery(getSurveyQueryOptions(id, surveyId));
  useDocumentTitle(`${survey.title} – ${project.name}`);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Link asChild>
        <RouterLink to={`/prosjekter/${project.id}/kartlegging`}>{t('surveys.mapping.back')}</RouterLink>
      </Link>
      <SurveyPage
        projectId={project.id}
        surveyId={survey.id}
        mayEdit={project.permissions.edit && project.status === 'active'}
        kommuner={project.kommuner}
      />
    </div>
  );
}
