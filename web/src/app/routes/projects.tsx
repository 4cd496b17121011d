import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getProjectsQueryOptions } from '../../features/projects/api/get-projects';
import { ProjectsTable } from '../../features/projects/components/projects-table';
import { useRegions } from '../../features/regions/api/get-regions';
import { requireMe, useAccess } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

function regionParam(params: URLSearchParams): string | undefined {
  const region = params.get('region') ?? undefined;
  return isUuid(region) ? region : undefined;
}

export const projectsLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    await queryClient.ensureQueryData(getProjectsQueryOptions(regionParam(new URL(request.url).searchParams)));
    return null;
  };

/** The projects one may see, filtered by region when there is more than one to choose from. */
export function ProjectsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.list.title'));
  const [params, setParams] = useSearchParams();
  const regionId = regionParam(params);
  const { data: projects } = useSuspenseQuery(getProjectsQueryOptions(regionId));
  const regions = useRegions();
  const { canStartProjects } = useAccess();

  return (
    <div className="page">
      <div className="page-header">
        <Heading level={1} data-size="lg">
          {t('projects.list.title')}
        </Heading>
        {canStartProjects && (
          <Button asChild>
            <RouterLink to={regionId ? `/prosjekter/ny?region=${regionId}` : '/prosjekter/ny'}>{t('projects.list.newProject')}</RouterLink>
          </Button>
        )}
      </div>
      <Paragraph>{t('projects.list.intro')}</Paragraph>
      {regions.data && regions.data.length > 1 && (
        <Field className="filter">
          <Label>{t('projects.list.filterRegion')}</Label>
          <Select
            width="auto"
            value={regionId ?? ''}
            onChange={(e) => setParams(e.target.value ? { region: e.target.value } : {}, { replace: true })}
          >
            <Select.Option value="">{t('projects.list.allRegions')}</Select.Option>
            {regions.data.map((r) => (
              <Select.Option key={r.id} value={r.id}>
                {r.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      <ProjectsTable projects={projects} />
    </div>
  );
}
