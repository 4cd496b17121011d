import { isPhaseKey, type PhaseKey } from '@nvr/shared';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getGateQueryOptions } from '../../features/projects/api/get-gate';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { GatePage } from '../../features/projects/components/gate-page';
import { GateDocumentButtons } from '../../features/plans/components/document-downloads';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { requireMe } from '../../lib/auth';
import { useCatalogue } from '../../lib/catalogue';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const gateLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id) || !params.phaseKey || !isPhaseKey(params.phaseKey)) notFound('project');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getGateQueryOptions(params.id, params.phaseKey), 'project'),
    ]);
    return null;
  };

export function GateRoute() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const { id = '', phaseKey } = useParams();
  const key = phaseKey as PhaseKey;
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const { data: gate } = useSuspenseQuery(getGateQueryOptions(id, key));
  useDocumentTitle(`${t('gates.title', { phase: catalogue.phaseTitle(key) })} – ${project.name}`);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <GatePage project={project} gate={gate} basisDocuments={<GateDocumentButtons projectId={project.id} phaseKey={key} />} />
    </div>
  );
}
