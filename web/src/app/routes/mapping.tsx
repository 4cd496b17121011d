import { useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useLocation, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConversationsSection } from '../../features/conversations/components/conversations-section';
import { NeedsOverview } from '../../features/conversations/components/needs-overview';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { getSurveysQueryOptions } from '../../features/surveys/api/get-surveys';
import { SurveysSection } from '../../features/surveys/components/surveys-section';
import { StatusMessage } from '../../components/status-message';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

/** Loads the project and its surveys. */
export const mappingLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getSurveysQueryOptions(params.id), 'project'),
    ]);
    return null;
  };

/** /prosjekter/:id/kartlegging — the forstudie's mapping of business needs: surveys, conversations and the needs they show. */
export function MappingRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const state = useLocation().state as { message?: string } | null;
  const [message] = useState(state?.message ?? null);
  useDocumentTitle(`${t('surveys.mapping.title')} – ${project.name}`);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Heading level={1} data-size="lg">
        {t('surveys.mapping.title')}
      </Heading>
      <Paragraph>{t('surveys.mapping.intro', { project: project.name })}</Paragraph>
      <StatusMessage message={message} />
      <SurveysSection projectId={project.id} mayEdit={project.permissions.edit && project.status === 'active'} />
      <NeedsOverview projectId={project.id} />
      <ConversationsSection projectId={project.id} />
    </div>
  );
}
