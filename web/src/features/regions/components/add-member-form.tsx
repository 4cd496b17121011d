import { todayInOslo } from '@nvr/shared';
import { useId, useMemo, useState } from 'react';
import { Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Kommune, Region } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useAddMember } from '../api/add-member';
import { useKommuner } from '../api/get-kommuner';

/** Kommuner grouped by county and sorted by name, leaving out those already (or soon) members. */
function choosable(kommuner: Kommune[], region: Region, today: string): [string, Kommune[]][] {
  const taken = new Set(region.members.filter((m) => m.validTo === null || m.validTo >= today).map((m) => m.kommune.id));
  const groups = new Map<string, Kommune[]>();
  for (const kommune of kommuner) {
    if (taken.has(kommune.id)) continue;
    groups.set(kommune.county, [...(groups.get(kommune.county) ?? []), kommune]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nb'))
    .map(([county, list]) => [county, list.sort((a, b) => a.name.localeCompare(b.name, 'nb'))]);
}

/** Adds a kommune as member from a date (POST /api/regions/{id}/members). */
export function AddMemberForm({ region }: { region: Region }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const today = todayInOslo();
  const kommuner = useKommuner();
  const [status, setStatus] = useState<string | null>(null);
  const form = useApiForm<{ kommuneId: string; validFrom: string }>({
    defaultValues: { kommuneId: '', validFrom: today },
    codeFields: { INVALID_PERIOD: 'validFrom' },
  });
  const { errors, isSubmitting } = form.formState;
  const addMember = useAddMember(region.id);
  const groups = useMemo(() => choosable(kommuner.data ?? [], region, today), [kommuner.data, region, today]);

  const submit = form.handleSubmit(async ({ kommuneId, validFrom }) => {
    setStatus(null);
    const name = kommuner.data?.find((k) => k.id === kommuneId)?.name ?? '';
    try {
      await addMember.mutateAsync({ kommuneId, validFrom });
      form.reset({ kommuneId: '', validFrom });
      setStatus(t('regions.addMember.added', { kommune: name, date: format.date(validFrom) }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('regions.addMember.heading')}
      </Heading>
      {kommuner.isPending ? (
        <Loading label={t('regions.addMember.loadingKommuner')} />
      ) : kommuner.isError ? (
        <ErrorAlert error={kommuner.error} title={t('regions.addMember.kommunerError')} />
      ) : (
        <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
          <Field>
            <Label>{t('regions.addMember.kommune')}</Label>
            <Select
              {...form.register('kommuneId', { required: t('regions.addMember.kommuneRequired') })}
              aria-invalid={errors.kommuneId ? true : undefined}
              required
            >
              <Select.Option value="">{t('regions.addMember.chooseKommune')}</Select.Option>
              {groups.map(([county, list]) => (
                <Select.Optgroup key={county} label={county}>
                  {list.map((kommune) => (
                    <Select.Option key={kommune.id} value={kommune.id}>
                      {t('regions.addMember.kommuneOption', {
                        number: kommune.number,
                        name: kommune.name,
                        county: kommune.county,
                      })}
                    </Select.Option>
                  ))}
                </Select.Optgroup>
              ))}
            </Select>
            {errors.kommuneId?.message && <ValidationMessage>{errors.kommuneId.message}</ValidationMessage>}
          </Field>
          <Textfield
            type="date"
            label={t('regions.addMember.validFrom')}
            description={t('regions.addMember.validFromHint')}
            {...form.register('validFrom', { required: t('regions.addMember.validFromRequired') })}
            error={errors.validFrom?.message}
            required
          />
          <FormError message={form.formError} />
          <div className="form__actions">
            <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
              {t('regions.addMember.submit')}
            </Button>
          </div>
        </form>
      )}
      <StatusMessage message={status} />
    </section>
  );
}
