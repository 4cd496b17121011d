import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getDeliverableQueryOptions, useDeliverable } from '../../features/projects/api/get-deliverable';
import { getProjectQueryOptions, useProject } from '../../features/projects/api/get-project';
import { DeliverablePage } from '../../features/projects/components/deliverable-page';
import { DeliverableDocumentButtons } from '../../features/plans/components/document-downloads';
import { CommentsSection } from '../../features/progress/components/comments-section';
import { isProjectNotFound, ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { isApiError } from '../../lib/api-error';
import { requireMe } from '../../lib/auth';
import { useCatalogue } from '../../lib/catalogue';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const deliverableLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (isUuid(params.id) && isUuid(params.deliverableId)) {
      void queryClient.prefetchQuery(getProjectQueryOptions(params.id));
      void queryClient.prefetchQuery(getDeliverableQueryOptions(params.id, params.deliverableId));
    }
    return null;
  };

export function DeliverableRoute() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const { id, deliverableId } = useParams();
  const valid = isUuid(id) && isUuid(deliverableId);
  const project = useProject(id ?? '', { enabled: valid });
  const deliverable = useDeliverable(id ?? '', deliverableId ?? '', { enabled: valid });
  const error = project.error ?? deliverable.error;
  const notFound =
    !valid ||
    isProjectNotFound(project.error) ||
    (isApiError(deliverable.error) && (deliverable.error.status === 404 || deliverable.error.code === 'DELIVERABLE_NOT_FOUND'));

  useDocumentTitle(
    notFound
      ? t('deliverables.notFoundTitle')
      : deliverable.data && project.data
        ? `${catalogue.deliverableTitle(deliverable.data)} – ${project.data.name}`
        : error
          ? t('deliverables.loadError')
          : t('deliverables.loading'),
  );

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project.data} />
      {notFound ? (
        <>
          <Heading level={1} data-size="lg">
            {t('deliverables.notFoundTitle')}
          </Heading>
          <Paragraph>{t('deliverables.notFoundBody')}</Paragraph>
        </>
      ) : project.data && deliverable.data ? (
        <>
          <DeliverablePage project={project.data} deliverable={deliverable.data} />
          <DeliverableDocumentButtons projectId={project.data.id} deliverableId={deliverable.data.id} heading />
          <CommentsSection
            projectId={project.data.id}
            targetType="deliverable"
            targetId={deliverable.data.id}
            canComment={project.data.permissions.comment}
          />
        </>
      ) : error ? (
        <>
          <Heading level={1} data-size="lg">
            {t('deliverables.loadError')}
          </Heading>
          <ErrorAlert error={error} />
        </>
      ) : (
        <Loading label={t('deliverables.loading')} />
      )}
    </div>
  );
}
