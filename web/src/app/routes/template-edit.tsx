import { useState } from 'react';
import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate, useParams, type LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getTemplateVersionsQueryOptions } from '../../features/plans/api/get-template-versions';
import { TemplateEditor } from '../../features/plans/components/template-editor';
import { requireAdmin } from '../../lib/auth';
import { ensureFound, notFound } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useTemplateText } from '../../lib/template-text';

export const templateEditLoader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    await requireAdmin(queryClient, request);
    if (!params.key) notFound('template');
    const versions = await ensureFound(queryClient, getTemplateVersionsQueryOptions(params.key), 'template');
    if (versions.length === 0) notFound('template');
    return null;
  };

/** /maler/:key/endre — administrators edit a template; saving makes its next version. */
export function TemplateEditRoute() {
  const { t } = useTranslation();
  const { tt } = useTemplateText();
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: versions } = useSuspenseQuery(getTemplateVersionsQueryOptions(key));
  const [session, setSession] = useState(0);
  const latest = versions[0];
  useDocumentTitle(t('plans.templateEditor.documentTitle', { title: tt(latest.title) }));

  return (
    <div className="page">
      <nav aria-label={t('plans.templates.breadcrumbs')} className="breadcrumbs">
        <ol>
          <li>
            <Link asChild>
              <RouterLink to="/maler">{t('plans.templates.backToList')}</RouterLink>
            </Link>
          </li>
          <li>
            <Link asChild>
              <RouterLink to={`/maler/${key}`}>{tt(latest.title)}</RouterLink>
            </Link>
          </li>
        </ol>
      </nav>
      <Heading level={1} data-size="lg">
        {t('plans.templateEditor.heading', { title: tt(latest.title) })}
      </Heading>
      <Paragraph>{t('plans.templateEditor.intro', { version: latest.version })}</Paragraph>
      <TemplateEditor
        key={`${latest.version}-${session}`}
        template={latest}
        onSaved={(saved) => navigate(`/maler/${key}`, { state: { message: t('plans.templateEditor.saved', { version: saved.version }) } })}
        onReload={async () => {
          await queryClient.fetchQuery({ ...getTemplateVersionsQueryOptions(key), staleTime: 0 });
          setSession((s) => s + 1);
        }}
      />
    </div>
  );
}
