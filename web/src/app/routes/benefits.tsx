import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getBenefitRegisterQueryOptions } from '../../features/benefits/api/get-benefits';
import { BenefitsRegister } from '../../features/benefits/components/benefits-register';
import { getProjectQueryOptions } from '../../features/projects/api/get-project';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { requireMe } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const benefitsLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!isUuid(params.id)) notFound('project');
    await Promise.all([
      ensureFound(queryClient, getProjectQueryOptions(params.id), 'project'),
      ensureFound(queryClient, getBenefitRegisterQueryOptions(params.id), 'project'),
    ]);
    return null;
  };

/**
 * /prosjekter/:id/gevinster — the project's benefits register (gevinstrealisering), followed also after the
 * project has ended: by the benefits' owners, the regionråd and admins.
 */
export function BenefitsRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: project } = useSuspenseQuery(getProjectQueryOptions(id));
  const title = t('benefits.titleFor', { project: project.name });
  useDocumentTitle(title);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{t('benefits.intro')}</Paragraph>
      <BenefitsRegister projectId={project.id} />
    </div>
  );
}
