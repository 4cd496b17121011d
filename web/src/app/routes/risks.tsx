import { useTranslation } from 'react-i18next';
import { getRisksQueryOptions } from '../../features/risks/api/get-risks';
import { RisksRegister } from '../../features/risks/components/risks-register';
import { ensureFound } from '../../lib/route-data';
import { ProjectSubpage, projectSubpageLoader } from './project-subpage';

export const risksLoader = projectSubpageLoader((queryClient, id) => ensureFound(queryClient, getRisksQueryOptions(id), 'project'));

/**
 * /prosjekter/:id/risikoer — the project's risk register. The project's editors and the regionråd write it
 * while the project is active (shared mayEditRisks); everyone who may read the project reads it.
 */
export function RisksRoute() {
  const { t } = useTranslation();
  return (
    <ProjectSubpage title={(project) => t('risks.titleFor', { project: project.name })} intro={t('risks.intro')}>
      {(project) => (
        <RisksRegister
          projectId={project.id}
          canWrite={(project.permissions.edit || project.permissions.decide) && project.status === 'active'}
        />
      )}
    </ProjectSubpage>
  );
}
