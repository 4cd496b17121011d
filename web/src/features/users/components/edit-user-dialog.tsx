import { useId, useState } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Switch, Textfield } from '@digdir/designsystemet-react';
import { isRoleAssignable } from './role-scope';
import { useTranslation } from 'react-i18next';
import type { UpdateUserBody, User } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useRoleLabel } from '../../../lib/roles';
import { useSetUserRoles } from '../api/set-user-roles';
import { useUpdateUser } from '../api/update-user';
import { firstRowMissingRegion, RoleRows, toRoleInputs, type RoleRow } from './role-rows';

function rowsOf(user: User): RoleRow[] {
  return user.roles.filter((r) => isRoleAssignable(r.role)).map((r) => ({ role: r.role, regionId: r.regionId ?? '' }));
}

const rowsKey = (rows: RoleRow[]) =>
  JSON.stringify(
    toRoleInputs(rows)
      .map((r) => `${r.role}/${r.regionId ?? ''}`)
      .sort(),
  );

/**
 * Name, e-mail, active, and the account's admin and region roles. Account fields go with the version
 * read (PATCH); roles are replaced (PUT) only when they changed. Project roles are shown, not edited.
 */
export function EditUserDialog({
  user,
  regions,
  onSaved,
}: {
  user: User;
  regions: { id: string; name: string }[];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const idPrefix = useId();
  const roleLabel = useRoleLabel();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [active, setActive] = useState(user.active);
  const [rows, setRows] = useState(rowsOf(user));
  const [errors, setErrors] = useState<{ name?: string; email?: string; roles?: number }>({});
  const update = useUpdateUser(user.id);
  const setRoles = useSetUserRoles(user.id);
  const projectRoles = user.roles.filter((r) => !isRoleAssignable(r.role));
  const error = update.error ?? setRoles.error;
  const pending = update.isPending || setRoles.isPending;

  function openDialog() {
    setName(user.name);
    setEmail(user.email);
    setActive(user.active);
    setRows(rowsOf(user));
    setErrors({});
    update.reset();
    setRoles.reset();
    setOpen(true);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = t('users.form.nameRequired');
    if (!email.trim()) found.email = t('users.form.emailRequired');
    const missing = firstRowMissingRegion(rows);
    if (missing >= 0) found.roles = missing;
    setErrors(found);
    if (found.name || found.email) return;
    if (missing >= 0) return document.getElementById(`${idPrefix}-region-${missing}`)?.focus();

    const body: UpdateUserBody = { version: user.version };
    if (name.trim() !== user.name) body.name = name.trim();
    if (email.trim() !== user.email) body.email = email.trim();
    if (active !== user.active) body.active = active;
    try {
      if (Object.keys(body).length > 1) await update.mutateAsync(body);
      if (rowsKey(rows) !== rowsKey(rowsOf(user))) await setRoles.mutateAsync(toRoleInputs(rows));
      setOpen(false);
      onSaved(t('users.edit.saved', { name: name.trim() }));
    } catch {
      // Shown below from the mutations' errors.
    }
  }

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={openDialog} aria-label={t('users.edit.openNamed', { name: user.name })}>
        {t('users.edit.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('users.edit.title', { name: user.name })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form className="form" onSubmit={(e) => void submit(e)} noValidate>
            <Textfield
              label={t('users.form.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={errors.name ?? (isApiError(update.error) ? update.error.messageFor('name') : undefined)}
              required
              maxLength={200}
            />
            <Textfield
              type="email"
              label={t('users.form.email')}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={
                errors.email ??
                (isApiError(update.error, 'EMAIL_TAKEN')
                  ? t('errors.EMAIL_TAKEN')
                  : isApiError(update.error)
                    ? update.error.messageFor('email')
                    : undefined)
              }
              required
              autoComplete="off"
            />
            <Switch
              label={t('users.form.active')}
              description={t('users.form.activeHint')}
              checked={active}
              onChange={(e) => setActive(e.target.checked)}
            />
            <RoleRows idPrefix={idPrefix} rows={rows} onChange={setRows} regions={regions} missingRegionAt={errors.roles ?? -1} />
            {projectRoles.length > 0 && (
              <Alert data-color="info">
                <Paragraph data-size="sm">{t('users.edit.projectRoles', { roles: projectRoles.map(roleLabel).join(', ') })}</Paragraph>
              </Alert>
            )}
            {isApiError(error, 'VERSION_CONFLICT') ? (
              <Alert data-color="warning" role="alert">
                <Paragraph>{t('users.edit.conflict')}</Paragraph>
              </Alert>
            ) : (
              error && !isApiError(error, 'EMAIL_TAKEN') && <ErrorAlert error={error} />
            )}
            <div className="form__actions">
              <Button type="submit" loading={pending} disabled={pending}>
                {t('common.save')}
              </Button>
              <Button variant="tertiary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
