import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateRegion } from '../api/create-region';
import { RegionFields } from './region-fields';
import { useRegionForm } from './use-region-form';

const EMPTY = { name: '', councilName: '', description: '' };

/** Creates a region (name, regionråd, description); members are added on the region's page. */
export function CreateRegionForm({ onCreated }: { onCreated: (region: Region) => void }) {
  const { t } = useTranslation();
  const createRegion = useCreateRegion({ onSuccess: onCreated });
  const form = useRegionForm('new-region', EMPTY, createRegion.error);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.validate()) return;
    const description = form.values.description.trim();
    createRegion.mutate({
      name: form.values.name.trim(),
      councilName: form.values.councilName.trim(),
      ...(description ? { description } : {}),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <RegionFields idPrefix={form.idPrefix} values={form.values} errors={form.errors} onChange={form.change} />
      {createRegion.isError && (
        <ErrorAlert error={createRegion.error} details={form.otherFieldErrors.flatMap((e) => e.messages.map((m) => `${e.field}: ${m}`))} />
      )}
      <div className="form__actions">
        <Button type="submit" loading={createRegion.isPending} disabled={createRegion.isPending}>
          {t('regions.new.submit')}
        </Button>
      </div>
    </form>
  );
}
