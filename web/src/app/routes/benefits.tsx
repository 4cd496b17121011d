import { useTranslation } from 'react-i18next';
import { getBenefitRegisterQueryOptions } from '../../features/benefits/api/get-benefits';
import { BenefitsRegister } from '../../features/benefits/components/benefits-register';
import { ensureFound } from '../../lib/route-data';
import { ProjectSubpage, projectSubpageLoader } from './project-subpage';

export const benefitsLoader = projectSubpageLoader((queryClient, id) =>
  ensureFound(queryClient, getBenefitRegisterQueryOptions(id), 'project'),
);

/**
 * /prosjekter/:id/gevinster — the project's benefits register (gevinstrealisering), followed also after the
 * project has ended: by the benefits' owners, the regionråd and admins.
 */
export function BenefitsRoute() {
  const { t } = useTranslation();
  return (
    <ProjectSubpage title={(project) => t('benefits.titleFor', { project: project.name })} intro={t('benefits.intro')}>
      {(project) => <BenefitsRegister projectId={project.id} />}
    </ProjectSubpage>
  );
}
