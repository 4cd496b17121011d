import { useState } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CreateProjectForm } from '../../features/projects/components/create-project-form';
import { getRegionsQueryOptions } from '../../features/regions/api/get-regions';
import { useRegion } from '../../features/regions/api/get-region';
import { usePeople } from '../../features/users/api/get-people';
import { requireMe, useAccess } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOnRegion } from '@nvr/shared';

/** Only the regionråd of a region (or an administrator) starts projects. */
export const newProjectLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const me = await requireMe(queryClient, request);
    if (!me.roles.some((r) => r.role === 'admin' || r.role === 'regionraad')) throw new Response('Forbidden', { status: 403 });
    await queryClient.ensureQueryData(getRegionsQueryOptions());
    return null;
  };

/**
 * Composes the form of the projects feature with the regions it may be started in, the chosen
 * region's current members, and the people directory (who can lead it).
 */
export function NewProjectRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.new.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { roles } = useAccess();
  const { data: regions } = useSuspenseQuery(getRegionsQueryOptions());
  const allowed = regions.filter((r) => canOnRegion(roles, r.id, 'decide'));
  const [chosen, setChosen] = useState<string | null>(null);
  const regionId = chosen ?? (allowed.length === 1 ? allowed[0].id : (allowed.find((r) => r.id === params.get('region'))?.id ?? ''));
  const region = useRegion(regionId, { enabled: regionId !== '' });
  const people = usePeople();
  const kommuner = region.data?.members
    .filter((m) => m.current)
    .map((m) => ({ id: m.kommune.id, number: m.kommune.number, name: m.kommune.name }));

  return (
    <div className="page page--narrow">
      <Paragraph>
        <Link asChild>
          <RouterLink to="/prosjekter">{t('projects.new.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t('projects.new.title')}
      </Heading>
      <Paragraph>{t('projects.new.intro')}</Paragraph>
      <CreateProjectForm
        regions={allowed}
        regionId={regionId}
        onRegionChange={setChosen}
        kommuner={kommuner}
        kommunerPending={region.isPending}
        kommunerError={region.error}
        people={people.data}
        onCreated={(project) =>
          navigate(`/prosjekter/${project.id}`, { state: { message: t('projects.new.created', { name: project.name }) } })
        }
      />
    </div>
  );
}
