import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { getRecommendationsQueryOptions } from '../../features/recommendations/api/get-recommendations';
import { RecommendationsRegister } from '../../features/recommendations/components/recommendations-register';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const recommendationsLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getRecommendationsQueryOptions(params.id), 'project'),
    ]);
    return null;
  };

/** /prosjekter/:id/anbefalinger — the forstudie's recommendations register, for the project and the owner. */
export function RecommendationsRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const title = t('recommendations.titleFor', { project: project.name });
  useDocumentTitle(title);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{t('recommendations.intro')}</Paragraph>
      <RecommendationsRegister
        projectId={project.id}
        permissions={{ edit: project.permissions.edit, decide: project.permissions.decide, active: project.status === 'active' }}
      />
    </div>
  );
}
