import { Link } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getTemplateVersionsQueryOptions } from '../../features/plans/api/get-template-versions';
import { TemplateView } from '../../features/plans/components/template-view';
import { StatusMessage } from '../../components/status-message';
import { requireMe, useAccess } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useTemplateText } from '../../lib/template-text';

export const templateLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (!params.key) notFound('template');
    const versions = await ensureFound(queryClient, getTemplateVersionsQueryOptions(params.key), 'template');
    if (versions.length === 0) notFound('template');
    return null;
  };

/** /maler/:key?versjon=N — one template's sections and guidance, any of its versions. */
export function TemplateRoute() {
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const state = useLocation().state as { message?: string } | null;
  const { t } = useTranslation();
  const { tt } = useTemplateText();
  const { isAdmin } = useAccess();
  const { data: versions } = useSuspenseQuery(getTemplateVersionsQueryOptions(key));
  const wanted = Number(params.get('versjon'));
  const shown = versions.find((v) => v.version === wanted) ?? versions[0];
  useDocumentTitle(tt(shown.title));

  return (
    <div className="page">
      <nav aria-label={t('plans.templates.breadcrumbs')} className="breadcrumbs">
        <Link asChild>
          <RouterLink to="/maler">{t('plans.templates.backToList')}</RouterLink>
        </Link>
      </nav>
      <StatusMessage message={state?.message ?? null} />
      <TemplateView
        versions={versions}
        shown={shown}
        canEdit={isAdmin}
        onChooseVersion={(v) => setParams(v === versions[0].version ? {} : { versjon: String(v) }, { replace: true })}
      />
    </div>
  );
}
