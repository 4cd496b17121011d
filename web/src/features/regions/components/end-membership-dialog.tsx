import { todayInOslo } from '@nvr/shared';
import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
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
  const today = todayInOslo();
  const kommune = membership.kommune.name;
  const form = useApiForm<{ validTo: string }>({
    defaultValues: { validTo: today < membership.validFrom ? membership.validFrom : today },
    codeFields: { INVALID_PERIOD: 'validTo' },
  });
  const { errors, isSubmitting } = form.formState;
  const update = useUpdateMember(regionId);

  const submit = form.handleSubmit(async ({ validTo }) => {
    try {
      await update.mutateAsync({ membershipId: membership.id, body: { validTo } });
      onEnded(t('regions.endMember.ended', { kommune, date: format.date(validTo) }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <FormDialog
      open
      onClose={onClose}
      title={t('regions.endMember.title', { kommune })}
      onSubmit={(e) => void submit(e)}
      pending={isSubmitting}
      submitLabel={t('regions.endMember.confirm')}
      submitColor="danger"
      formError={form.formError}
    >
      <Paragraph>{t('regions.endMember.body', { kommune, date: format.date(membership.validFrom) })}</Paragraph>
      <Textfield
        type="date"
        label={t('regions.endMember.validTo')}
        min={membership.validFrom}
        {...form.register('validTo', {
          required: t('regions.endMember.validToRequired'),
          validate: (v) =>
            v >= membership.validFrom || t('regions.endMember.validToBeforeFrom', { date: format.date(membership.validFrom) }),
        })}
        error={errors.validTo?.message}
        required
      />
    </FormDialog>
  );
}
