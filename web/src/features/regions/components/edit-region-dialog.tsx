import { useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Region, UpdateRegionBody } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { getRegionQueryOptions } from '../api/get-region';
import { useUpdateRegion } from '../api/update-region';
import { REGION_CODE_FIELDS, RegionFields, type RegionFieldValues, trimmedRegionValues } from './region-fields';

function valuesOf(region: Region): RegionFieldValues {
  return { name: region.name, councilName: region.councilName, description: region.description ?? '' };
}

/**
 * Edits name, regionråd and description. The version the user started from goes with the PATCH;
 * on 409 VERSION_CONFLICT the dialog says so and offers to reload the latest region.
 */
export function EditRegionDialog({ region, onSaved }: { region: Region; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(region);
  const [reloaded, setReloaded] = useState(false);
  const update = useUpdateRegion(region.id);
  const form = useApiForm<RegionFieldValues>({ defaultValues: valuesOf(region), codeFields: REGION_CODE_FIELDS });
  const { errors, isSubmitting } = form.formState;

  function startFrom(from: Region) {
    setBase(from);
    form.reset(valuesOf(from));
  }

  function openDialog() {
    startFrom(region);
    setReloaded(false);
    setOpen(true);
  }

  async function reload() {
    try {
      startFrom(await queryClient.fetchQuery({ ...getRegionQueryOptions(region.id), staleTime: 0 }));
      setReloaded(true);
    } catch {
      // The conflict alert stays; the user can try again.
    }
  }

  const submit = form.handleSubmit(async (values) => {
    const next = trimmedRegionValues(values);
    const before = valuesOf(base);
    const body: UpdateRegionBody = { version: base.version };
    if (next.name !== before.name) body.name = next.name;
    if (next.councilName !== before.councilName) body.councilName = next.councilName;
    if (next.description !== before.description.trim()) body.description = next.description || null; // null clears it
    if (Object.keys(body).length === 1) {
      setOpen(false); // nothing changed
      return;
    }
    try {
      await update.mutateAsync(body);
      setOpen(false);
      onSaved(t('regions.edit.saved'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      <Button variant="secondary" onClick={openDialog}>
        {t('regions.edit.open')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('regions.edit.title')}
        onSubmit={(e) => {
          setReloaded(false);
          void submit(e);
        }}
        pending={isSubmitting}
        submitLabel={t('regions.edit.save')}
        formError={form.formError}
        formErrorCode={form.formErrorCode}
        reload={{ onReload: () => void reload(), reloaded }}
      >
        <RegionFields register={form.register} errors={errors} />
      </FormDialog>
    </>
  );
}
