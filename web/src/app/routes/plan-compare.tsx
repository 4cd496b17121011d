import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { isPhaseKey, type PhaseKey } from '@nvr/shared';
import type { QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanSide } from '../../features/plans/api/compare-plan-versions';
import { getPlanQueryOptions, usePlan } from '../../features/plans/api/get-plan';
import { PlanCompare } from '../../features/plans/components/plan-compare';
import { getProjectQueryOptions, useProject } from '../../features/projects/api/get-project';
import { isProjectNotFound, ProjectBreadcrumbs } from '../../features/projects/components/project-breadcrumbs';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';
import { isUuid } from '../../lib/uuid';

export const planCompareLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (isUuid(params.id) && params.phaseKey && isPhaseKey(params.phaseKey)) {
      void queryClient.prefetchQuery(getProjectQueryOptions(params.id));
      void queryClient.prefetchQuery(getPlanQueryOptions(params.id, params.phaseKey));
    }
    return null;
  };

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
  const { id, phaseKey } = useParams();
  const [params, setParams] = useSearchParams();
  const valid = isUuid(id) && !!phaseKey && isPhaseKey(phaseKey);
  const key: PhaseKey = valid && phaseKey && isPhaseKey(phaseKey) ? phaseKey : 'forstudie';
  const project = useProject(id ?? '', { enabled: valid });
  const plan = usePlan(id ?? '', key, { enabled: valid });
  const error = project.error ?? plan.error;
  const notFound = !valid || isProjectNotFound(project.error) || isProjectNotFound(plan.error);
  const latest = plan.data?.snapshots[0]?.number;
  const from = side(params.get('fra'), latest ?? 'current');
  const to = side(params.get('til'), 'current');
  const title = t('plans.compare.title', { phase: t(`plans.phaseDefinite.${key}`) });

  useDocumentTitle(notFound ? t('projects.detail.notFoundTitle') : project.data ? `${title} – ${project.data.name}` : title);

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
      ) : project.data && plan.data ? (
        <>
          <Heading level={1} data-size="lg">
            {title}
          </Heading>
          <Paragraph>
            <Link asChild>
              <RouterLink to={`/prosjekter/${project.data.id}/faser/${key}/plan`}>{t('plans.compare.back')}</RouterLink>
            </Link>
          </Paragraph>
          <PlanCompare
            projectId={project.data.id}
            phaseKey={key}
            plan={plan.data}
            from={from}
            to={to}
            onChange={(f, tt) => setParams({ fra: param(f), til: param(tt) }, { replace: true })}
          />
        </>
      ) : error ? (
        <>
          <Heading level={1} data-size="lg">
            {t('plans.editor.loadError')}
          </Heading>
          <ErrorAlert error={error} />
        </>
      ) : (
        <Loading label={t('plans.editor.loading')} />
      )}
    </div>
  );
}
