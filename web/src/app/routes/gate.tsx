import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { isPhaseKey, type PhaseKey } from '@nvr/shared';
import type { QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getGateQueryOptions, useGate } from '../../features/projects/api/get-gate';
import { getProjectQueryOptions, useProject } from '../../features/projects/api/get-project';
import { GatePage } from '../../features/projects/components/gate-page';
import { GateDocumentButtons } from '../../features/plans/components/document-downloads';
import { isProjectNotFound, ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { requireMe } from '../../lib/auth';
import { useCatalogue } from '../../lib/catalogue';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const gateLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (isUuid(params.id) && params.phaseKey && isPhaseKey(params.phaseKey)) {
      void queryClient.prefetchQuery(getProjectQueryOptions(params.id));
      void queryClient.prefetchQuery(getGateQueryOptions(params.id, params.phaseKey));
    }
    return null;
  };

export function GateRoute() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const { id, phaseKey } = useParams();
  const valid = isUuid(id) && !!phaseKey && isPhaseKey(phaseKey);
  const key: PhaseKey = valid && phaseKey && isPhaseKey(phaseKey) ? phaseKey : 'forstudie';
  const project = useProject(id ?? '', { enabled: valid });
  const gate = useGate(id ?? '', key, { enabled: valid });
  const error = project.error ?? gate.error;
  const notFound = !valid || isProjectNotFound(project.error);

  useDocumentTitle(
    notFound
      ? t('projects.detail.notFoundTitle')
      : project.data && gate.data
        ? `${t('gates.title', { phase: catalogue.phaseTitle(key) })} – ${project.data.name}`
        : error
          ? t('gates.loadError')
          : t('gates.loading'),
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
      ) : project.data && gate.data ? (
        <>
          <GatePage project={project.data} gate={gate.data} />
          <GateDocumentButtons projectId={project.data.id} phaseKey={key} heading />
        </>
      ) : error ? (
        <>
          <Heading level={1} data-size="lg">
            {t('gates.loadError')}
          </Heading>
          <ErrorAlert error={error} />
        </>
      ) : (
        <Loading label={t('gates.loading')} />
      )}
    </div>
  );
}
