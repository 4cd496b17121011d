import { useId, useState } from 'react';
import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { todayIso } from '../../../lib/dates';
import { useFormat } from '../../../lib/format';
import { useUpdateMember } from '../api/update-member';

/**
 * Asks for the last day of a membership and confirms ending it (PATCH validTo).
 * Mounted with a membership while open; `key` it by membership id so each opening starts fresh.
 */
export function EndMembershipDialog({
  regionId,
  membership,
  onClose,
  onEnded,
}: {
  regionId: string;
  membership: Membership;
  onClose: () => void;
  onEnded: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const today = todayIso();
  const [validTo, setValidTo] = useState(today < membership.validFrom ? membership.validFrom : today);
  const [clientError, setClientError] = useState<string | null>(null);
  const kommune = membership.kommune.name;

  const update = useUpdateMember(regionId, {
    onSuccess: () => onEnded(t('regions.endMember.ended', { kommune, date: format.date(validTo) })),
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!validTo) {
      setClientError(t('regions.endMember.validToRequired'));
      return;
    }
    if (validTo < membership.validFrom) {
      setClientError(t('regions.endMember.validToBeforeFrom', { date: format.date(membership.validFrom) }));
      return;
    }
    setClientError(null);
    update.mutate({ membershipId: membership.id, body: { validTo } });
  }

  const serverError = update.error;
  let fieldError: string | undefined = clientError ?? undefined;
  if (!fieldError && isApiError(serverError)) {
    fieldError = serverError.messageFor('validTo') ?? (serverError.code === 'INVALID_PERIOD' ? t('errors.INVALID_PERIOD') : undefined);
  }

  return (
    <Dialog open onClose={onClose} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId}>
          {t('regions.endMember.title', { kommune })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form className="form" onSubmit={submit} noValidate>
          <Paragraph>{t('regions.endMember.body', { kommune, date: format.date(membership.validFrom) })}</Paragraph>
          <Textfield
            type="date"
            label={t('regions.endMember.validTo')}
            value={validTo}
            min={membership.validFrom}
            onChange={(event) => setValidTo(event.target.value)}
            error={fieldError}
            required
          />
          {update.isError && !isApiError(update.error, 'INVALID_PERIOD') && <ErrorAlert error={update.error} />}
          <div className="form__actions">
            <Button type="submit" data-color="danger" loading={update.isPending} disabled={update.isPending}>
              {t('regions.endMember.confirm')}
            </Button>
            <Button variant="tertiary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
