import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink, isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { NotFoundRoute } from './not-found';

/** Shown inside the layout when a route throws while loading or rendering. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundRoute />;
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return <Forbidden />;
  }
  console.error(error);
  return <SomethingWentWrong />;
}

function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('forbidden.title')}
      </Heading>
      <Paragraph>{t('forbidden.body')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('forbidden.back')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}

function SomethingWentWrong() {
  const { t } = useTranslation();
  useDocumentTitle(t('routeError.title'));
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('routeError.title')}
      </Heading>
      <Paragraph>{t('routeError.body')}</Paragraph>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/">{t('routeError.back')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
