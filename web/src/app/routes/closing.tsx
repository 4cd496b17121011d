import { useTranslation } from 'react-i18next';
import { getClosingQueryOptions } from '../../features/closing/api/get-closing';
import { ClosingPage } from '../../features/closing/components/closing-page';
import { ensureFound } from '../../lib/route-data';
import { ProjectSubpage, projectSubpageLoader } from './project-subpage';

export const closingLoader = projectSubpageLoader((queryClient, id) => ensureFound(queryClient, getClosingQueryOptions(id), 'project'));

/** /prosjekter/:id/avslutning — closing the hovedprosjekt: final report, evaluations, lessons and the owner's decision. */
export function ClosingRoute() {
  const { t } = useTranslation();
  return (
    <ProjectSubpage title={(project) => t('closing.titleFor', { project: project.name })} intro={t('closing.intro')}>
      {(project) => <ClosingPage projectId={project.id} />}
    </ProjectSubpage>
  );
}
