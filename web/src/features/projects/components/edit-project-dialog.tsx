import { useState } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Project, UpdateProjectBody } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { getProjectQueryOptions } from '../api/get-project';
import { useUpdateProject } from '../api/update-project';
import { KommunerFieldset, type KommuneOption } from './kommuner-fieldset';
import { projectFormSchema } from './project-form-schema';

const valuesOf = (project: Project) => ({
  name: project.name,
  description: project.description ?? '',
  kommuneIds: project.kommuner.map((k) => k.id),
});

/**
 * Name, description and participating kommuner (regionråd, administrators). The version read goes
 * with the PATCH; on 409 the dialog offers to reload the newest project.
 */
export function EditProjectDialog({
  project,
  regionKommuner,
  onSaved,
}: {
  project: Project;
  /** The region's current members; while loading, the project's own kommuner are offered. */
  regionKommuner: KommuneOption[] | undefined;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const schema = projectFormSchema(t);
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(project);
  const [reloaded, setReloaded] = useState(false);
  const form = useApiForm<{ name: string; description: string; kommuneIds: string[] }>({
    defaultValues: valuesOf(project),
    codeFields: { KOMMUNE_NOT_IN_REGION: 'kommuneIds' },
  });
  const { errors, isSubmitting } = form.formState;
  const update = useUpdateProject(project.id);
  const options = regionKommuner ?? project.kommuner;

  function startFrom(from: Project) {
    setBase(from);
    form.reset(valuesOf(from));
  }

  function openDialog() {
    startFrom(project);
    setReloaded(false);
    setOpen(true);
  }

  async function reload() {
    try {
      startFrom(await queryClient.fetchQuery({ ...getProjectQueryOptions(project.id), staleTime: 0 }));
      setReloaded(true);
    } catch {
      // The conflict alert stays; the person can try again.
    }
  }

  const submit = form.handleSubmit(async (values) => {
    const body: UpdateProjectBody = { version: base.version };
    if (values.name.trim() !== base.name) body.name = values.name.trim();
    if (values.description.trim() !== (base.description ?? '')) body.description = values.description.trim() || null;
    const before = base.kommuner
      .map((k) => k.id)
      .sort()
      .join();
    if ([...values.kommuneIds].sort().join() !== before) body.kommuneIds = values.kommuneIds;
    if (Object.keys(body).length === 1) {
      setOpen(false);
      return;
    }
    try {
      await update.mutateAsync(body);
      setOpen(false);
      onSaved(t('projects.edit.saved'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      <Button variant="secondary" onClick={openDialog}>
        {t('projects.edit.open')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('projects.edit.title')}
        onSubmit={(e) => {
          setReloaded(false);
          void submit(e);
        }}
        pending={isSubmitting}
        formError={form.formError}
        formErrorCode={form.formErrorCode}
        reload={{ onReload: () => void reload(), reloaded }}
      >
        <Textfield
          label={t('projects.form.name')}
          {...form.register('name', schema.name)}
          error={errors.name?.message}
          required
          maxLength={200}
        />
        <Textfield multiline rows={4} label={t('projects.form.description')} {...form.register('description')} maxLength={4000} />
        <Controller
          control={form.control}
          name="kommuneIds"
          render={({ field, fieldState }) => (
            <KommunerFieldset
              ref={field.ref}
              options={options}
              selected={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
      </FormDialog>
    </>
  );
}
