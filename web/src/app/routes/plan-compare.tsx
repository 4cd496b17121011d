import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanSide } from '../../features/plans/api/compare-plan-versions';
import { PlanCompare } from '../../features/plans/components/plan-compare';
import { ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { useDocumentTitle } from '../../lib/use-document-title';
import { planLoader, usePlanRouteData } from './plan';

/** The same data as the plan's page: the project and the plan. */
export const planCompareLoader = planLoader;

/** ?fra=1&til=gjeldende: a version number, or "gjeldende" for the plan as it is now. */
function side(value: string | null, fallback: PlanSide): PlanSide {
  if (value === 'gjeldende') return 'current';
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
const param = (s: PlanSide) => (s === 'current' ? 'gjeldende' : String(s));

/** /prosjekter/:id/faser/:phaseKey/plan/sammenlign — what changed between two versions of a plan. */
export function PlanCompareRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { key, project, plan } = usePlanRouteData();
  const latest = plan.snapshots[0]?.number;
  const from = side(params.get('fra'), latest ?? 'current');
  const to = side(params.get('til'), 'current');
  const title = t('plans.compare.title', { phase: t(`plans.phaseDefinite.${key}`) });
  useDocumentTitle(`${title} – ${project.name}`);

  return (
    <div className="page">
      <ProjectBreadcrumbs project={project} />
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>
        <Link asChild>
          <RouterLink to={`/prosjekter/${project.id}/faser/${key}/plan`}>{t('plans.compare.back')}</RouterLink>
        </Link>
      </Paragraph>
      <PlanCompare
        projectId={project.id}
        phaseKey={key}
        plan={plan}
        from={from}
        to={to}
        onChange={(f, tt) => setParams({ fra: param(f), til: param(tt) }, { replace: true })}
      />
    </div>
  );
}
