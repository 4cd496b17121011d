import { useId, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { LANGUAGES, ROLE_SCOPE, type Lang, type Role } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { TableScroll } from '../../../components/table-scroll';
import { errorMessage } from '../../../lib/error-message';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateInvitation } from '../api/create-invitation';
import { useInvitations, type InvitationScope } from '../api/get-invitations';
import { useWithdrawInvitation } from '../api/withdraw-invitation';

interface InviteValues {
  email: string;
  language: Lang;
  role: Role;
  regionId: string;
}

/** The roles one may give from each place: any (administrators), a region's, or a project's team. */
const ROLES_BY_SCOPE: Record<InvitationScope['kind'], Role[]> = {
  all: ['admin', 'regionraad', 'adviser', 'kommune_contact'],
  region: ['regionraad', 'adviser', 'kommune_contact'],
  project: ['project_leader', 'project_member'],
};

/**
 * Pending invitations of a place (all, a region, a project), each withdrawable, and a form to invite a
 * person by e-mail with a role. The server decides who may give what; this shows the roles of the place.
 */
export function InvitationsSection({ scope, regions = [] }: { scope: InvitationScope; regions?: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const [withdrawError, setWithdrawError] = useState<string | undefined>();
  const { data: invitations = [], isPending } = useInvitations(scope);
  const withdraw = useWithdrawInvitation();
  const roles = ROLES_BY_SCOPE[scope.kind];

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('invitations.heading')}
      </Heading>
      <Paragraph>{t('invitations.intro')}</Paragraph>
      <StatusMessage message={status} />
      <FormError message={withdrawError} />
      {isPending ? null : invitations.length === 0 ? (
        <Paragraph data-size="sm">{t('invitations.none')}</Paragraph>
      ) : (
        <InvitationTable
          invitations={invitations}
          busyId={withdraw.isPending ? (withdraw.variables ?? null) : null}
          onWithdraw={(invitation) => {
            setWithdrawError(undefined);
            withdraw.mutate(invitation.id, {
              onSuccess: () => setStatus(t('invitations.withdrawn', { email: invitation.email })),
              onError: (error) => setWithdrawError(errorMessage(error, t)),
            });
          }}
        />
      )}
      <InviteForm scope={scope} roles={roles} regions={regions} onInvited={(i) => setStatus(t('invitations.sent', { email: i.email }))} />
    </section>
  );
}

function InvitationTable({
  invitations,
  busyId,
  onWithdraw,
}: {
  invitations: Invitation[];
  busyId: string | null;
  onWithdraw: (invitation: Invitation) => void;
}) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'nb-NO');
  return (
    <TableScroll>
      <Table zebra border>
        <caption>{t('invitations.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('invitations.columns.email')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('invitations.columns.roles')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('invitations.columns.invitedBy')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('invitations.columns.expires')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('invitations.columns.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {invitations.map((invitation) => (
            <Table.Row key={invitation.id}>
              <Table.HeaderCell scope="row">{invitation.email}</Table.HeaderCell>
              <Table.Cell>
                {invitation.roles
                  .map((r) => {
                    const where = r.projectName ?? r.regionName;
                    return where ? t('roles.withRegion', { role: t(`roles.names.${r.role}`), region: where }) : t(`roles.names.${r.role}`);
                  })
                  .join('; ')}
              </Table.Cell>
              <Table.Cell>{invitation.invitedByName ?? '—'}</Table.Cell>
              <Table.Cell>
                {invitation.expired ? <Tag data-color="warning">{t('invitations.expired')}</Tag> : date(invitation.expiresAt)}
              </Table.Cell>
              <Table.Cell>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  loading={busyId === invitation.id}
                  onClick={() => onWithdraw(invitation)}
                  aria-label={t('invitations.withdrawNamed', { email: invitation.email })}
                >
                  {t('invitations.withdraw')}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

function InviteForm({
  scope,
  roles,
  regions,
  onInvited,
}: {
  scope: InvitationScope;
  roles: Role[];
  regions: { id: string; name: string }[];
  onInvited: (invitation: Invitation) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const empty: InviteValues = { email: '', language: 'nb', role: roles[0], regionId: regions.length === 1 ? regions[0].id : '' };
  const form = useApiForm<InviteValues>({ defaultValues: empty, codeFields: { EMAIL_TAKEN: 'email', INVITATION_PENDING: 'email' } });
  const { register, formState, watch } = form;
  const { errors, isSubmitting } = formState;
  const create = useCreateInvitation(scope);
  const role = watch('role');
  const needsRegion = scope.kind === 'all' && ROLE_SCOPE[role] === 'region';

  const submit = form.handleSubmit(async (values) => {
    try {
      const regionId = scope.kind === 'all' && ROLE_SCOPE[values.role] === 'region' ? values.regionId : undefined;
      const invitation = await create.mutateAsync({
        email: values.email.trim(),
        language: values.language,
        roles: [{ role: values.role, ...(regionId ? { regionId } : {}) }],
      });
      form.reset(empty);
      onInvited(invitation);
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
      <Heading level={3} data-size="sm" id={headingId}>
        {t('invitations.new.heading')}
      </Heading>
      <Textfield
        type="email"
        label={t('invitations.new.email')}
        {...register('email', { validate: (v) => /^[^@\s]+@[^@\s]+$/.test(v.trim()) || t('invitations.new.emailRequired') })}
        error={errors.email?.message}
        required
        autoComplete="off"
      />
      <Field>
        <Label>{t('invitations.new.role')}</Label>
        <Select {...register('role')}>
          {roles.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`roles.names.${r}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {needsRegion && (
        <Field>
          <Label>{t('invitations.new.region')}</Label>
          <Select
            {...register('regionId', { validate: (v) => v !== '' || t('invitations.new.regionRequired') })}
            aria-invalid={errors.regionId ? true : undefined}
          >
            <Select.Option value="">{t('invitations.new.chooseRegion')}</Select.Option>
            {regions.map((r) => (
              <Select.Option key={r.id} value={r.id}>
                {r.name}
              </Select.Option>
            ))}
          </Select>
          {errors.regionId?.message && <Paragraph data-size="sm">{errors.regionId.message}</Paragraph>}
        </Field>
      )}
      <Field>
        <Label>{t('invitations.new.language')}</Label>
        <Select {...register('language')}>
          {LANGUAGES.map((l) => (
            <Select.Option key={l} value={l}>
              {t(`invitations.languages.${l}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('invitations.new.submit')}
        </Button>
      </div>
    </form>
  );
}
