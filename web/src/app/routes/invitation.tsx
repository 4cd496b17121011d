import { Heading } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AcceptInvitation } from '../../features/invitations/components/accept-invitation';
import { useDocumentTitle } from '../../lib/use-document-title';

/** The invitation link (`/invitasjon#<code>`): the code is in the fragment, so it never reaches a server log. */
export function InvitationRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitations.accept.title'));
  const navigate = useNavigate();
  const token = window.location.hash.replace(/^#/, '');
  return (
    <div className="page page--narrow">
      <Heading level={1} data-size="lg">
        {t('invitations.accept.title')}
      </Heading>
      <AcceptInvitation token={token} onAccepted={() => navigate('/', { replace: true })} />
    </div>
  );
}
