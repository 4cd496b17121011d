import { useState } from 'react';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { todayInOslo } from '@nvr/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { getProjectQueryOptions, useProject } from '../api/get-project';
import { useUpdatePhase } from '../api/update-phase';
import { EARLIEST_PHASE_START, periodRule, startRule } from './project-form-schema';

/** UpdatePhaseDto: planned start and end (either may be empty) and, for the phase in progress, its actual start; with the version read. */
interface PhaseDatesValues {
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
}

const valuesOf = (phase: Phase): PhaseDatesValues => ({
  plannedStart: phase.plannedStart ?? '',
  plannedEnd: phase.plannedEnd ?? '',
  actualStart: phase.actualStart ?? '',
});

/**
 * Planned start and end of a phase that has not ended, and the actual start of the phase in progress
 * (e.g. a forstudie already under way before it was recorded) (project leader and group). The server's
 * refusals land on the field they concern: an end before the start on the end, a start out of order
 * with the phase's other dates on the actual start.
 */
export function PhaseDatesDialog({ projectId, phase, onSaved }: { projectId: string; phase: Phase; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  const queryClient = useQueryClient();
  const project = useProject(projectId).data;
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(phase);
  const [reloaded, setReloaded] = useState(false);
  const form = useApiForm<PhaseDatesValues>({
    defaultValues: valuesOf(phase),
    codeFields: { INVALID_PERIOD: 'plannedEnd', PHASE_DATES_OUT_OF_ORDER: 'actualStart' },
  });
  const { errors, isSubmitting } = form.formState;
  const phaseTitle = catalogue.phaseTitle(phase.key);
  const update = useUpdatePhase(projectId);
  // Only the phase in progress has an actual start one may set; it cannot precede the previous phase's end.
  const inProgress = base.state === 'in_progress';
  const previousEnd = project?.phases.find((p) => p.position === base.position - 1)?.actualEnd ?? null;
  const earliest = previousEnd && previousEnd > EARLIEST_PHASE_START ? previousEnd : EARLIEST_PHASE_START;

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

  const submit = form.handleSubmit(async ({ plannedStart, plannedEnd, actualStart }) => {
    setReloaded(false);
    try {
      await update.mutateAsync({
        phaseKey: phase.key,
        body: {
          plannedStart: plannedStart || null,
          plannedEnd: plannedEnd || null,
          // Sent only when changed: the actual start of a phase that is no longer in progress is not the dialog's to touch.
          ...(inProgress && actualStart && actualStart !== base.actualStart ? { actualStart } : {}),
          version: base.version,
        },
      });
      setOpen(false);
      onSaved(inProgress ? t('phases.dates.saved', { phase: phaseTitle }) : t('projects.phaseDates.saved', { phase: phaseTitle }));
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
        title={inProgress ? t('phases.dates.title', { phase: phaseTitle }) : t('projects.phaseDates.title', { phase: phaseTitle })}
        onSubmit={(e) => void submit(e)}
        pending={isSubmitting}
        formError={form.formError}
        formErrorCode={form.formErrorCode}
        reload={{ onReload: () => void reload(), reloaded }}
      >
        {inProgress && (
          <Textfield
            type="date"
            label={t('phases.dates.actualStart')}
            description={
              previousEnd ? t('phases.dates.actualStartHint', { earliest: format.date(earliest) }) : t('phases.dates.actualStartHintFirst')
            }
            min={earliest}
            max={todayInOslo()}
            {...form.register('actualStart', { validate: startRule(t, { earliest, required: true, formatDate: format.date }) })}
            error={errors.actualStart?.message}
          />
        )}
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
