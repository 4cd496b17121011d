import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { getDeliverableQueryOptions } from '../../features/projects/api/get-deliverable';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { DeliverablePage } from '../../features/projects/components/deliverable-page';
import { DeliverableDocumentButtons } from '../../features/plans/components/document-downloads';
import { CommentsSection } from '../../features/progress/components/comments-section';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { requireMe } from '../../lib/auth';
import { useCatalogue } from '../../lib/catalogue';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const deliverableLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id) || !isUuid(params.deliverableId)) notFound('deliverable');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getDeliverableQueryOptions(params.id, params.deliverableId), 'deliverable'),
    ]);
    return null;
  };

export function DeliverableRoute() {
  const catalogue = useCatalogue();
  const { id = '', deliverableId = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const { data: deliverable } = useSuspenseQuery(getDeliverableQueryOptions(id, deliverableId));
  useDocumentTitle(`${catalogue.deliverableTitle(deliverable)} – ${project.name}`);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <DeliverablePage project={project} deliverable={deliverable} />
      <DeliverableDocumentButtons projectId={project.id} deliverableId={deliverable.id} heading />
      <CommentsSection projectId={project.id} targetType="deliverable" targetId={deliverable.id} canComment={project.permissions.comment} />
    </div>
  );
}
