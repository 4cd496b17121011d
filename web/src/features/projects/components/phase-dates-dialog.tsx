import { useId, useState } from 'react';
import { Button, Dialog, Heading, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../../api/types';
import { isApiError } from '../../../lib/api-error';
import { useCatalogue } from '../../../lib/catalogue';
import { getProjectQueryOptions } from '../api/get-project';
import { useUpdatePhase } from '../api/update-phase';
import { SaveFeedback } from '../../../components/save-feedback';

/** Planned start and end of a phase that has not ended (project leader and group). */
export function PhaseDatesDialog({ projectId, phase, onSaved }: { projectId: string; phase: Phase; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const titleId = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(phase);
  const [reloaded, setReloaded] = useState(false);
  const [start, setStart] = useState(phase.plannedStart ?? '');
  const [end, setEnd] = useState(phase.plannedEnd ?? '');
  const [clientError, setClientError] = useState<string | null>(null);
  const phaseTitle = catalogue.phaseTitle(phase.key);
  const update = useUpdatePhase(projectId, {
    onSuccess: () => {
      setOpen(false);
      onSaved(t('projects.phaseDates.saved', { phase: phaseTitle }));
    },
  });
  const conflict = isApiError(update.error, 'VERSION_CONFLICT');
  const periodError = clientError ?? (isApiError(update.error, 'INVALID_PERIOD') ? t('errors.INVALID_PERIOD') : null);

  function startFrom(from: Phase) {
    setBase(from);
    setStart(from.plannedStart ?? '');
    setEnd(from.plannedEnd ?? '');
    setClientError(null);
    update.reset();
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

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (start && end && end < start) {
      setClientError(t('errors.INVALID_PERIOD'));
      return;
    }
    setClientError(null);
    setReloaded(false);
    update.mutate({ phaseKey: phase.key, body: { plannedStart: start || null, plannedEnd: end || null, version: base.version } });
  }

  return (
    <>
      <Button variant="tertiary" data-size="sm" onClick={openDialog}>
        {t('projects.phaseDates.open', { phase: phaseTitle })}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('projects.phaseDates.title', { phase: phaseTitle })}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form className="form" onSubmit={submit} noValidate>
            <Textfield type="date" label={t('projects.phaseDates.start')} value={start} onChange={(e) => setStart(e.target.value)} />
            <Textfield
              type="date"
              label={t('projects.phaseDates.end')}
              value={end}
              min={start || undefined}
              onChange={(e) => setEnd(e.target.value)}
              error={periodError ?? undefined}
            />
            <SaveFeedback
              reloaded={reloaded}
              conflict={conflict}
              onReload={() => void reload()}
              error={update.isError && !isApiError(update.error, 'INVALID_PERIOD') ? update.error : null}
            />
            <div className="form__actions">
              <Button type="submit" loading={update.isPending} disabled={update.isPending}>
                {t('common.save')}
              </Button>
              <Button variant="tertiary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
