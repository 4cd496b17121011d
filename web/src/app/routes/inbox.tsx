import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getInboxQueryOptions } from '../../features/inbox/api/get-inbox';
import { InboxList } from '../../features/inbox/components/inbox-list';
import { requireMe } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const inboxLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireMe(queryClient, request);
    await queryClient.ensureQueryData(getInboxQueryOptions());
    return null;
  };

/**
 * /venter-pa-deg — what waits on the signed-in person (GET /api/inbox): the start page of the
 * regionråd's secretariat and the kommune contacts, and in everyone's menu.
 */
export function InboxRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('inbox.title'));
  const { data: inbox } = useSuspenseQuery(getInboxQueryOptions());
  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('inbox.title')}
      </Heading>
      <Paragraph>{t('inbox.intro')}</Paragraph>
      <InboxList inbox={inbox} />
    </div>
  );
}
