import { useId, useState } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Region, UpdateRegionBody } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { getRegionQueryOptions } from '../api/get-region';
import { useUpdateRegion } from '../api/update-region';
import { RegionFields, type RegionFieldValues } from './region-fields';
import { useRegionForm } from './use-region-form';

function valuesOf(region: Region): RegionFieldValues {
  return { name: region.name, councilName: region.councilName, description: region.description ?? '' };
}

/**
 * Edits name, regionråd and description. The version the user started from goes with the PATCH;
 * on 409 VERSION_CONFLICT the dialog says so and offers to reload the latest region.
 */
export function EditRegionDialog({ region, onSaved }: { region: Region; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(region);
  const [reloaded, setReloaded] = useState(false);
  const update = useUpdateRegion(region.id, {
    onSuccess: () => {
      setOpen(false);
      onSaved(t('regions.edit.saved'));
    },
  });
  const form = useRegionForm('edit-region', valuesOf(region), update.error);
  const conflict = isApiError(update.error, 'VERSION_CONFLICT');

  function start(from: Region) {
    setBase(from);
    form.reset(valuesOf(from));
    update.reset();
  }

  function openDialog() {
    start(region);
    setReloaded(false);
    setOpen(true);
  }

  async function reload() {
    try {
      const fresh = await queryClient.fetchQuery({ ...getRegionQueryOptions(region.id), staleTime: 0 });
      start(fresh);
      setReloaded(true);
    } catch {
      // The conflict alert stays; the user can try again.
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReloaded(false);
    if (!form.validate()) return;
    const next = {
      name: form.values.name.trim(),
      councilName: form.values.councilName.trim(),
      description: form.values.description.trim(),
    };
    const before = valuesOf(base);
    const body: UpdateRegionBody = { version: base.version };
    if (next.name !== before.name) body.name = next.name;
    if (next.councilName !== before.councilName) body.councilName = next.councilName;
    if (next.description !== before.description.trim()) body.description = next.description || null; // null clears it
    if (Object.keys(body).length === 1) {
      setOpen(false); // nothing changed
      return;
    }
    update.mutate(body);
  }

  return (
    <>
      <Button variant="secondary" onClick={openDialog}>
        {t('regions.edit.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('regions.edit.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form className="form" onSubmit={submit} noValidate>
            <RegionFields idPrefix={form.idPrefix} values={form.values} errors={form.errors} onChange={form.change} />
            <div aria-live="polite">
              {reloaded && (
                <Alert data-color="info">
                  <Paragraph>{t('regions.edit.reloaded')}</Paragraph>
                </Alert>
              )}
            </div>
            {conflict ? (
              <Alert data-color="warning" role="alert">
                <Heading level={3} data-size="xs">
                  {t('regions.edit.conflictTitle')}
                </Heading>
                <Paragraph>{t('errors.VERSION_CONFLICT')}</Paragraph>
                <Button variant="secondary" onClick={() => void reload()}>
                  {t('common.reload')}
                </Button>
              </Alert>
            ) : (
              update.isError && (
                <ErrorAlert
                  error={update.error}
                  details={form.otherFieldErrors.flatMap((e) => e.messages.map((m) => `${e.field}: ${m}`))}
                />
              )
            )}
            <div className="form__actions">
              <Button type="submit" loading={update.isPending} disabled={update.isPending}>
                {t('regions.edit.save')}
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
