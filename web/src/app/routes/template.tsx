import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useLocation, useParams, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getTemplateVersionsQueryOptions, useTemplateVersions } from '../../features/plans/api/get-template-versions';
import { TemplateView } from '../../features/plans/components/template-view';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { StatusMessage } from '../../components/status-message';
import { isApiError } from '../../lib/api-error';
import { requireMe, useAccess } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const templateLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    if (params.key) void queryClient.prefetchQuery(getTemplateVersionsQueryOptions(params.key));
    return null;
  };

/** /maler/:key?versjon=N — one template's sections and guidance, any of its versions. */
export function TemplateRoute() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const state = useLocation().state as { message?: string } | null;
  const { isAdmin } = useAccess();
  const versions = useTemplateVersions(key);
  const wanted = Number(params.get('versjon'));
  const shown = versions.data?.find((v) => v.version === wanted) ?? versions.data?.[0];
  const notFound = isApiError(versions.error) && versions.error.status === 404;

  useDocumentTitle(notFound ? t('plans.templates.notFound') : shown ? shown.title : t('plans.templates.loading'));

  return (
    <div className="page">
      <nav aria-label={t('plans.templates.breadcrumbs')} className="breadcrumbs">
        <Link asChild>
          <RouterLink to="/maler">{t('plans.templates.backToList')}</RouterLink>
        </Link>
      </nav>
      <StatusMessage message={state?.message ?? null} />
      {notFound ? (
        <>
          <Heading level={1} data-size="lg">
            {t('plans.templates.notFound')}
          </Heading>
          <Paragraph>{t('plans.templates.notFoundBody')}</Paragraph>
        </>
      ) : versions.data && shown ? (
        <TemplateView
          versions={versions.data}
          shown={shown}
          canEdit={isAdmin}
          onChooseVersion={(v) => setParams(v === versions.data[0].version ? {} : { versjon: String(v) }, { replace: true })}
        />
      ) : versions.isError ? (
        <>
          <Heading level={1} data-size="lg">
            {t('plans.templates.loadError')}
          </Heading>
          <ErrorAlert error={versions.error} />
        </>
      ) : (
        <Loading label={t('plans.templates.loading')} />
      )}
    </div>
  );
}
