import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { getRisksQueryOptions } from '../../features/risks/api/get-risks';
import { RisksRegister } from '../../features/risks/components/risks-register';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const risksLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getRisksQueryOptions(params.id), 'project'),
    ]);
    return null;
  };

/**
 * /prosjekter/:id/risikoer — the project's risk register. The project's editors and the regionråd write it
 * while the project is active (shared mayEditRisks); everyone who may read the project reads it.
 */
export function RisksRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const title = t('risks.titleFor', { project: project.name });
  useDocumentTitle(title);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{t('risks.intro')}</Paragraph>
      <RisksRegister
        projectId={project.id}
        canWrite={(project.permissions.edit || project.permissions.decide) && project.status === 'active'}
      />
    </div>
  );
}
