import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getClosingQueryOptions } from '../../features/closing/api/get-closing';
import { ClosingPage } from '../../features/closing/components/closing-page';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const closingLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getClosingQueryOptions(params.id), 'project'),
    ]);
    return null;
  };

/** /prosjekter/:id/avslutning — closing the hovedprosjekt: final report, evaluations, lessons and the owner's decision. */
export function ClosingRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const title = t('closing.titleFor', { project: project.name });
  useDocumentTitle(title);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{t('closing.intro')}</Paragraph>
      <ClosingPage projectId={project.id} />
    </div>
  );
}
