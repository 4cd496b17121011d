import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getTemplatesQueryOptions, useTemplates } from '../../features/plans/api/get-templates';
import { TemplatesTable } from '../../features/plans/components/templates-table';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const templatesLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    void queryClient.prefetchQuery(getTemplatesQueryOptions());
    return null;
  };

/** /maler — Innovasjon Norge's templates: project plans per phase, guides, survey and final report. */
export function TemplatesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('plans.templates.title'));
  const templates = useTemplates();
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('plans.templates.title')}
      </Heading>
      <Paragraph>{t('plans.templates.intro')}</Paragraph>
      {templates.isPending ? (
        <Loading label={t('plans.templates.loading')} />
      ) : templates.isError ? (
        <ErrorAlert error={templates.error} title={t('plans.templates.loadError')} />
      ) : (
        <TemplatesTable templates={templates.data} />
      )}
    </div>
  );
}
