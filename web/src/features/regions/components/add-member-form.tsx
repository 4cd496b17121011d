import { useId, useMemo, useRef, useState } from 'react';
import { Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Kommune, Region } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { todayIso } from '../../../lib/dates';
import { useFormat } from '../../../lib/format';
import { useAddMember } from '../api/add-member';
import { useKommuner } from '../api/get-kommuner';

type Errors = { kommuneId?: string; validFrom?: string };

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
  const today = todayIso();
  const kommuner = useKommuner();
  const [kommuneId, setKommuneId] = useState('');
  const [validFrom, setValidFrom] = useState(today);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const dateRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);

  const addMember = useAddMember(region.id);
  const groups = useMemo(() => choosable(kommuner.data ?? [], region, today), [kommuner.data, region, today]);

  const serverError = addMember.error;
  const errors: Errors = {
    kommuneId: clientErrors.kommuneId ?? (isApiError(serverError) ? serverError.messageFor('kommuneId') : undefined),
    validFrom:
      clientErrors.validFrom ??
      (isApiError(serverError) ? serverError.messageFor('validFrom') : undefined) ??
      (isApiError(serverError, 'INVALID_PERIOD') ? t('errors.INVALID_PERIOD') : undefined),
  };

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatus(null);
    const found: Errors = {};
    if (!kommuneId) found.kommuneId = t('regions.addMember.kommuneRequired');
    if (!validFrom) found.validFrom = t('regions.addMember.validFromRequired');
    setClientErrors(found);
    if (found.kommuneId) return selectRef.current?.focus();
    if (found.validFrom) return dateRef.current?.focus();

    const name = kommuner.data?.find((k) => k.id === kommuneId)?.name ?? '';
    addMember.mutate(
      { kommuneId, validFrom },
      {
        onSuccess: () => {
          setKommuneId('');
          setStatus(t('regions.addMember.added', { kommune: name, date: format.date(validFrom) }));
        },
      },
    );
  }

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
        <form className="form form--inline" onSubmit={submit} noValidate>
          <Field>
            <Label>{t('regions.addMember.kommune')}</Label>
            <Select
              ref={selectRef}
              value={kommuneId}
              onChange={(event) => {
                setKommuneId(event.target.value);
                setClientErrors(({ kommuneId: _cleared, ...rest }) => rest);
              }}
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
            {errors.kommuneId && <ValidationMessage>{errors.kommuneId}</ValidationMessage>}
          </Field>
          <Textfield
            ref={dateRef}
            type="date"
            label={t('regions.addMember.validFrom')}
            description={t('regions.addMember.validFromHint')}
            value={validFrom}
            onChange={(event) => {
              setValidFrom(event.target.value);
              setClientErrors(({ validFrom: _cleared, ...rest }) => rest);
            }}
            error={errors.validFrom}
            required
          />
          {addMember.isError && !isApiError(addMember.error, 'INVALID_PERIOD') && <ErrorAlert error={addMember.error} />}
          <div className="form__actions">
            <Button type="submit" loading={addMember.isPending} disabled={addMember.isPending}>
              {t('regions.addMember.submit')}
            </Button>
          </div>
        </form>
      )}
      <StatusMessage message={status} />
    </section>
  );
}
