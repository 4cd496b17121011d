import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateRegion } from '../api/create-region';
import { REGION_CODE_FIELDS, RegionFields, type RegionFieldValues, trimmedRegionValues } from './region-fields';

/** Creates a region (name, regionråd, description); members are added on the region's page. */
export function CreateRegionForm({ onCreated }: { onCreated: (region: Region) => void }) {
  const { t } = useTranslation();
  const createRegion = useCreateRegion();
  const form = useApiForm<RegionFieldValues>({
    defaultValues: { name: '', councilName: '', description: '' },
    codeFields: REGION_CODE_FIELDS,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const { name, councilName, description } = trimmedRegionValues(values);
    try {
      onCreated(await createRegion.mutateAsync({ name, councilName, ...(description ? { description } : {}) }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <RegionFields register={form.register} errors={errors} />
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('regions.new.submit')}
        </Button>
      </div>
    </form>
  );
}
