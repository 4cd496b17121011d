import { useId, useState } from 'react';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useTranslation } from 'react-i18next';
import { getRegionsQueryOptions } from '../../features/regions/api/get-regions';
import { getUsersQueryOptions } from '../../features/users/api/get-users';
import { InvitationsSection } from '../../features/invitations/components/invitations-section';
import { CreateUserForm } from '../../features/users/components/create-user-form';
import { UsersTable } from '../../features/users/components/users-table';
import { StatusMessage } from '../../components/status-message';
import { requireAdmin } from '../../lib/auth';
import { useDocumentTitle } from '../../lib/use-document-title';

export const usersLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    await requireAdmin(queryClient, request);
    await Promise.all([queryClient.ensureQueryData(getUsersQueryOptions()), queryClient.ensureQueryData(getRegionsQueryOptions())]);
    return null;
  };

/** Administrators: every account, a form for a new one, and per account edit (name, e-mail, active, roles) and new password. */
export function UsersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('users.list.title'));
  const newHeadingId = useId();
  const { data: users } = useSuspenseQuery(getUsersQueryOptions());
  const { data: regions } = useSuspenseQuery(getRegionsQueryOptions());
  const [status, setStatus] = useState<string | null>(null);
  const regionOptions = regions.map((r) => ({ id: r.id, name: r.name }));

  return (
    <div className="page">
      <Heading level={1} data-size="lg">
        {t('users.list.title')}
      </Heading>
      <Paragraph>{t('users.list.intro')}</Paragraph>
      <StatusMessage message={status} />
      <UsersTable users={users} regions={regionOptions} onChanged={setStatus} />
      <InvitationsSection scope={{ kind: 'all' }} regions={regionOptions} />
      <section aria-labelledby={newHeadingId} className="section">
        <Heading level={2} data-size="md" id={newHeadingId}>
          {t('users.new.heading')}
        </Heading>
        <CreateUserForm
          regions={regionOptions}
          onCreated={(user) => setStatus(t('users.new.created', { name: user.name, email: user.email }))}
        />
      </section>
    </div>
  );
}
