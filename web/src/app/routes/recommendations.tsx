import { useTranslation } from 'react-i18next';
import { getRecommendationsQueryOptions } from '../../features/recommendations/api/get-recommendations';
import { RecommendationsRegister } from '../../features/recommendations/components/recommendations-register';
import { ensureFound } from '../../lib/route-data';
import { ProjectSubpage, projectSubpageLoader } from './project-subpage';

export const recommendationsLoader = projectSubpageLoader((queryClient, id) =>
  ensureFound(queryClient, getRecommendationsQueryOptions(id), 'project'),
);

/** /prosjekter/:id/anbefalinger — the forstudie's recommendations register, for the project and the owner. */
export function RecommendationsRoute() {
  const { t } = useTranslation();
  return (
    <ProjectSubpage title={(project) => t('recommendations.titleFor', { project: project.name })} intro={t('recommendations.intro')}>
      {(project) => (
        <RecommendationsRegister
          projectId={project.id}
          permissions={{ edit: project.permissions.edit, decide: project.permissions.decide, active: project.status === 'active' }}
        />
      )}
    </ProjectSubpage>
  );
}
