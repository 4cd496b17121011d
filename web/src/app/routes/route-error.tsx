import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { isApiError } from '../../lib/api-error';
import { notFoundKind, type NotFoundKind } from '../../lib/route-data';
import { useDocumentTitle } from '../../lib/use-document-title';

/**
 * The one error boundary of the signed-in pages (inside the layout, so header and footer stay): what
 * a route's loader or page threw, as a translated page with a level-1 heading and a way back — not
 * found (by what was missing), no access, or another error with its message.
 */
export function RouteError() {
  const error = useRouteError();
  const kind = notFoundKind(error);
  if (kind) return <NotFound kind={kind} />;
  if (isApiError(error) && error.status === 404) return <NotFound kind="page" />;
  if ((isRouteErrorResponse(error) || isApiError(error)) && error.status === 403) return <Forbidden />;
  console.error(error);
  return <SomethingWentWrong error={error} />;
}

const NOT_FOUND_TEXT = {
  page: { title: 'notFound.title', body: 'notFound.body' },
  project: { title: 'projects.detail.notFoundTitle', body: 'projects.detail.notFoundBody' },
  region: { title: 'regions.detail.notFoundTitle', body: 'regions.detail.notFoundBody' },
  deliverable: { title: 'deliverables.notFoundTitle', body: 'deliverables.notFoundBody' },
  statusReport: { title: 'progress.report.notFound', body: 'progress.report.notFoundBody' },
  template: { title: 'plans.templates.notFound', body: 'plans.templates.notFoundBody' },
} as const satisfies Record<NotFoundKind, { title: string; body: string }>;

export function NotFound({ kind }: { kind: NotFoundKind }) {
  const { t } = useTranslation();
  const text = NOT_FOUND_TEXT[kind];
  useDocumentTitle(t(text.title));
  return (
    <ErrorPage title={t(text.title)} back={t('notFound.back')}>
      <Paragraph>{t(text.body)}</Paragraph>
    </ErrorPage>
  );
}

function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <ErrorPage title={t('forbidden.title')} back={t('forbidden.back')}>
      <Paragraph>{t('forbidden.body')}</Paragraph>
    </ErrorPage>
  );
}

function SomethingWentWrong({ error }: { error: unknown }) {
  const { t } = useTranslation();
  useDocumentTitle(t('routeError.title'));
  return (
    <ErrorPage title={t('routeError.title')} back={t('routeError.back')}>
      <Paragraph>{t('routeError.body')}</Paragraph>
      {isApiError(error) || error instanceof TypeError ? <ErrorAlert error={error} /> : null}
    </ErrorPage>
  );
}

function ErrorPage({ title, back, children }: { title: string; back: string; children: React.ReactNode }) {
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {children}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{back}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
