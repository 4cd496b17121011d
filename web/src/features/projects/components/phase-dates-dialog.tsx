import { useState } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useCatalogue } from '../../../lib/catalogue';
import { useApiForm } from '../../../lib/use-api-form';
import { getProjectQueryOptions } from '../api/get-project';
import { useUpdatePhase } from '../api/update-phase';
import { periodRule } from './project-form-schema';

/** UpdatePhaseDto: planned start and end (either may be empty), with the version read. */
interface PhaseDatesValues {
  plannedStart: string;
  plannedEnd: string;
}

const valuesOf = (phase: Phase): PhaseDatesValues => ({ plannedStart: phase.plannedStart ?? '', plannedEnd: phase.plannedEnd ?? '' });

/** Planned start and end of a phase that has not ended (project leader and group). */
export function PhaseDatesDialog({ projectId, phase, onSaved }: { projectId: string; phase: Phase; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(phase);
  const [reloaded, setReloaded] = useState(false);
  const form = useApiForm<PhaseDatesValues>({ defaultValues: valuesOf(phase), codeFields: { INVALID_PERIOD: 'plannedEnd' } });
  const { errors, isSubmitting } = form.formState;
  const phaseTitle = catalogue.phaseTitle(phase.key);
  const update = useUpdatePhase(projectId);

  function startFrom(from: Phase) {
    setBase(from);
    form.reset(valuesOf(from));
  }

  function openDialog() {
    startFrom(phase);
    setReloaded(false);
    setOpen(true);
  }

  async function reload() {
    try {
      const fresh = await queryClient.fetchQuery({ ...getProjectQueryOptions(projectId), staleTime: 0 });
      const freshPhase = fresh.phases.find((p) => p.key === phase.key);
      if (freshPhase) startFrom(freshPhase);
      setReloaded(true);
    } catch {
      // The conflict alert stays; the person can try again.
    }
  }

  const submit = form.handleSubmit(async ({ plannedStart, plannedEnd }) => {
    setReloaded(false);
    try {
      await update.mutateAsync({
        phaseKey: phase.key,
        body: { plannedStart: plannedStart || null, plannedEnd: plannedEnd || null, version: base.version },
      });
      setOpen(false);
      onSaved(t('projects.phaseDates.saved', { phase: phaseTitle }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      <Button variant="tertiary" data-size="sm" onClick={openDialog}>
        {t('projects.phaseDates.open', { phase: phaseTitle })}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('projects.phaseDates.title', { phase: phaseTitle })}
        onSubmit={(e) => void submit(e)}
        pending={isSubmitting}
        formError={form.formError}
        formErrorCode={form.formErrorCode}
        reload={{ onReload: () => void reload(), reloaded }}
      >
        <Textfield type="date" label={t('projects.phaseDates.start')} {...form.register('plannedStart')} />
        <Textfield
          type="date"
          label={t('projects.phaseDates.end')}
          min={form.watch('plannedStart') || undefined}
          {...form.register('plannedEnd', { validate: periodRule(t) })}
          error={errors.plannedEnd?.message}
        />
      </FormDialog>
    </>
  );
}
