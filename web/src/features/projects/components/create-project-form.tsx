import { Button, Field, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { todayInOslo } from '@nvr/shared';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Person, Project } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateProject } from '../api/create-project';
import { KommunerFieldset, type KommuneOption } from './kommuner-fieldset';
import { EARLIEST_PHASE_START, projectFormSchema, type ProjectFormValues } from './project-form-schema';

/**
 * Starts a project: region, name, description, participating kommuner (all current members
 * checked to begin with), planned forstudie period, when a forstudie already under way started
 * (empty: today) and the project leader. The region and its kommuner come from the route, which composes the regions feature.
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
  const format = useFormat();
  const schema = projectFormSchema(t, format.date);
  const form = useApiForm<ProjectFormValues>({
    defaultValues: {
      regionId,
      name: '',
      description: '',
      kommuneIds: null,
      plannedStart: '',
      plannedEnd: '',
      forstudieStartedOn: '',
      leaderId: '',
    },
    codeFields: { KOMMUNE_NOT_IN_REGION: 'kommuneIds', INVALID_PERIOD: 'plannedEnd' },
  });
  const { register, control } = form;
  const { errors, isSubmitting } = form.formState;
  const create = useCreateProject();
  const allMembers = (kommuner ?? []).map((k) => k.id);

  const submit = form.handleSubmit(async (values) => {
    const text = values.description.trim();
    const { plannedStart, plannedEnd, forstudieStartedOn, leaderId } = values;
    try {
      const project = await create.mutateAsync({
        regionId: values.regionId,
        name: values.name.trim(),
        ...(text ? { description: text } : {}),
        kommuneIds: values.kommuneIds ?? allMembers,
        ...(leaderId ? { leaderUserId: leaderId } : {}),
        ...(plannedStart || plannedEnd ? { forstudie: { plannedStart: plannedStart || null, plannedEnd: plannedEnd || null } } : {}),
        ...(forstudieStartedOn ? { forstudieStartedOn } : {}),
      });
      onCreated(project);
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <Controller
        control={control}
        name="regionId"
        rules={schema.regionId}
        render={({ field, fieldState }) => (
          <Field>
            <Label>{t('projects.form.region')}</Label>
            <Select
              ref={field.ref}
              name={field.name}
              value={field.value}
              onBlur={field.onBlur}
              onChange={(e) => {
                field.onChange(e.target.value);
                onRegionChange(e.target.value);
                form.setValue('kommuneIds', null);
                form.clearErrors('kommuneIds');
              }}
              aria-invalid={fieldState.error ? true : undefined}
              required
            >
              <Select.Option value="">{t('projects.form.chooseRegion')}</Select.Option>
              {regions.map((r) => (
                <Select.Option key={r.id} value={r.id}>
                  {r.name}
                </Select.Option>
              ))}
            </Select>
            {fieldState.error && <ValidationMessage>{fieldState.error.message}</ValidationMessage>}
          </Field>
        )}
      />
      <Textfield
        label={t('projects.form.name')}
        description={t('projects.form.nameHint')}
        {...register('name', schema.name)}
        error={errors.name?.message}
        required
        autoComplete="off"
        maxLength={200}
      />
      <Textfield
        multiline
        rows={4}
        label={t('projects.form.description')}
        description={t('projects.form.descriptionHint')}
        {...register('description')}
        maxLength={4000}
      />
      {regionId &&
        (kommunerPending ? (
          <Loading label={t('projects.form.loadingKommuner')} />
        ) : kommunerError ? (
          <ErrorAlert error={kommunerError} title={t('projects.form.kommunerError')} />
        ) : (
          <Controller
            control={control}
            name="kommuneIds"
            rules={{ validate: (ids) => (ids ?? allMembers).length > 0 || t('projects.form.kommunerRequired') }}
            render={({ field, fieldState }) => (
              <KommunerFieldset
                ref={field.ref}
                options={kommuner ?? []}
                selected={field.value ?? allMembers}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
        ))}
      <div className="form__row">
        <Textfield type="date" label={t('projects.form.plannedStart')} {...register('plannedStart')} />
        <Textfield
          type="date"
          label={t('projects.form.plannedEnd')}
          min={form.watch('plannedStart') || undefined}
          {...register('plannedEnd', schema.plannedEnd)}
          error={errors.plannedEnd?.message}
        />
      </div>
      <Textfield
        type="date"
        label={t('phases.create.startedOn')}
        description={t('phases.create.startedOnHint')}
        min={EARLIEST_PHASE_START}
        max={todayInOslo()}
        {...register('forstudieStartedOn', schema.forstudieStartedOn)}
        error={errors.forstudieStartedOn?.message}
      />
      {people && (
        <Field>
          <Label>{t('projects.form.leader')}</Label>
          <Field.Description>{t('projects.form.leaderHint')}</Field.Description>
          <Select {...register('leaderId')}>
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
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
          {t('projects.new.submit')}
        </Button>
      </div>
    </form>
  );
}
