import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getTemplatesQueryOptions } from '../../features/plans/api/get-templates';
import { TemplatesTable } from '../../features/plans/components/templates-table';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const templatesLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    await queryClient.ensureQueryData(getTemplatesQueryOptions());
    return null;
  };

/** /maler — Innovasjon Norge's templates: project plans per phase, guides, survey and final report. */
export function TemplatesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('plans.templates.title'));
  const { data: templates } = useSuspenseQuery(getTemplatesQueryOptions());
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('plans.templates.title')}
      </Heading>
      <Paragraph>{t('plans.templates.intro')}</Paragraph>
      <TemplatesTable templates={templates} />
    </div>
  );
}
