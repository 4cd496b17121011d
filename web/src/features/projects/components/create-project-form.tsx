import { useState } from 'react';
import { Button, Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Person, Project } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { isApiError } from '../../../lib/api-error';
import { useCreateProject } from '../api/create-project';
import { KommunerFieldset, type KommuneOption } from './kommuner-fieldset';

type FieldName = 'regionId' | 'name' | 'kommuneIds' | 'plannedEnd';
type Errors = Partial<Record<FieldName, string>>;
const FIELD_ORDER: FieldName[] = ['regionId', 'name', 'kommuneIds', 'plannedEnd'];
const fieldId = (field: FieldName) => `new-project-${field}`;

/**
 * Starts a project: region, name, description, participating kommuner (all current members
 * checked to begin with), planned forstudie period and the project leader. The region and its kommuner come from the route, which composes the regions feature.
 */
export function CreateProjectForm({
  regions,
  regionId,
  onRegionChange,
  kommuner,
  kommunerPending,
  kommunerError,
  people,
  onCreated,
}: {
  regions: { id: string; name: string }[];
  regionId: string;
  onRegionChange: (regionId: string) => void;
  /** Current members of the chosen region. */
  kommuner: KommuneOption[] | undefined;
  kommunerPending: boolean;
  kommunerError: unknown;
  /** People who can lead the project (the directory); undefined while loading. */
  people: Person[] | undefined;
  onCreated: (project: Project) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  // null: every current member of the region (until someone unticks one).
  const [picked, setPicked] = useState<{ regionId: string; ids: string[] } | null>(null);
  const [plannedStart, setPlannedStart] = useState('');
  const [plannedEnd, setPlannedEnd] = useState('');
  const [leaderId, setLeaderId] = useState('');
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const create = useCreateProject({ onSuccess: onCreated });

  const kommuneIds = picked && picked.regionId === regionId ? picked.ids : (kommuner ?? []).map((k) => k.id);
  const serverError = create.error;
  const fromServer = (field: string) => (isApiError(serverError) ? serverError.messageFor(field) : undefined);
  const errors: Errors = {
    regionId: clientErrors.regionId ?? fromServer('regionId'),
    name: clientErrors.name ?? fromServer('name'),
    kommuneIds:
      clientErrors.kommuneIds ??
      fromServer('kommuneIds') ??
      (isApiError(serverError, 'KOMMUNE_NOT_IN_REGION') ? t('errors.KOMMUNE_NOT_IN_REGION') : undefined),
    plannedEnd: clientErrors.plannedEnd ?? (isApiError(serverError, 'INVALID_PERIOD') ? t('errors.INVALID_PERIOD') : undefined),
  };
  const shownAtFields = isApiError(serverError) && (serverError.code === 'KOMMUNE_NOT_IN_REGION' || serverError.code === 'INVALID_PERIOD');

  function clear(field: FieldName) {
    setClientErrors(({ [field]: _cleared, ...rest }) => rest);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = {};
    if (!regionId) found.regionId = t('projects.form.regionRequired');
    if (!name.trim()) found.name = t('projects.form.nameRequired');
    if (regionId && kommuneIds.length === 0) found.kommuneIds = t('projects.form.kommunerRequired');
    if (plannedStart && plannedEnd && plannedEnd < plannedStart) found.plannedEnd = t('errors.INVALID_PERIOD');
    setClientErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    const text = description.trim();
    create.mutate({
      regionId,
      name: name.trim(),
      ...(text ? { description: text } : {}),
      kommuneIds,
      ...(leaderId ? { leaderUserId: leaderId } : {}),
      ...(plannedStart || plannedEnd ? { forstudie: { plannedStart: plannedStart || null, plannedEnd: plannedEnd || null } } : {}),
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Field>
        <Label>{t('projects.form.region')}</Label>
        <Select
          id={fieldId('regionId')}
          value={regionId}
          onChange={(e) => {
            onRegionChange(e.target.value);
            setPicked(null);
            clear('regionId');
            clear('kommuneIds');
          }}
          aria-invalid={errors.regionId ? true : undefined}
          required
        >
          <Select.Option value="">{t('projects.form.chooseRegion')}</Select.Option>
          {regions.map((r) => (
            <Select.Option key={r.id} value={r.id}>
              {r.name}
            </Select.Option>
          ))}
        </Select>
        {errors.regionId && <ValidationMessage>{errors.regionId}</ValidationMessage>}
      </Field>
      <Textfield
        id={fieldId('name')}
        label={t('projects.form.name')}
        description={t('projects.form.nameHint')}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          clear('name');
        }}
        error={errors.name}
        required
        autoComplete="off"
        maxLength={200}
      />
      <Textfield
        multiline
        rows={4}
        label={t('projects.form.description')}
        description={t('projects.form.descriptionHint')}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        maxLength={4000}
      />
      {regionId &&
        (kommunerPending ? (
          <Loading label={t('projects.form.loadingKommuner')} />
        ) : kommunerError ? (
          <ErrorAlert error={kommunerError} title={t('projects.form.kommunerError')} />
        ) : (
          <KommunerFieldset
            id={fieldId('kommuneIds')}
            options={kommuner ?? []}
            selected={kommuneIds}
            onChange={(ids) => {
              setPicked({ regionId, ids });
              clear('kommuneIds');
            }}
            error={errors.kommuneIds}
          />
        ))}
      <div className="form__row">
        <Textfield
          type="date"
          label={t('projects.form.plannedStart')}
          value={plannedStart}
          onChange={(e) => setPlannedStart(e.target.value)}
        />
        <Textfield
          id={fieldId('plannedEnd')}
          type="date"
          label={t('projects.form.plannedEnd')}
          value={plannedEnd}
          min={plannedStart || undefined}
          onChange={(e) => {
            setPlannedEnd(e.target.value);
            clear('plannedEnd');
          }}
          error={errors.plannedEnd}
        />
      </div>
      {people && (
        <Field>
          <Label>{t('projects.form.leader')}</Label>
          <Field.Description>{t('projects.form.leaderHint')}</Field.Description>
          <Select value={leaderId} onChange={(e) => setLeaderId(e.target.value)}>
            <Select.Option value="">{t('projects.form.chooseLeaderLater')}</Select.Option>
            {[...people]
              .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
              .map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {t('projects.personOption', { name: p.name, email: p.email })}
                </Select.Option>
              ))}
          </Select>
        </Field>
      )}
      {create.isError && !shownAtFields && (
        <ErrorAlert
          error={create.error}
          details={
            isApiError(serverError)
              ? serverError.fieldErrors
                  .filter((e) => !['regionId', 'name', 'kommuneIds'].includes(e.field))
                  .flatMap((e) => e.messages.map((m) => `${e.field}: ${m}`))
              : []
          }
        />
      )}
      <div className="form__actions">
        <Button type="submit" loading={create.isPending} disabled={create.isPending}>
          {t('projects.new.submit')}
        </Button>
      </div>
    </form>
  );
}
