import { useId, useState } from 'react';
import { Button, Dialog, Heading, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project, UpdateProjectBody } from '../../../api/types';
import { isApiError } from '../../../lib/api-error';
import { getProjectQueryOptions } from '../api/get-project';
import { useUpdateProject } from '../api/update-project';
import { KommunerFieldset, type KommuneOption } from './kommuner-fieldset';
import { SaveFeedback } from '../../../components/save-feedback';

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
  const titleId = useId();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(project);
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description ?? '');
  const [kommuneIds, setKommuneIds] = useState(project.kommuner.map((k) => k.id));
  const [nameError, setNameError] = useState<string | null>(null);
  const [reloaded, setReloaded] = useState(false);
  const update = useUpdateProject(project.id, {
    onSuccess: () => {
      setOpen(false);
      onSaved(t('projects.edit.saved'));
    },
  });
  const conflict = isApiError(update.error, 'VERSION_CONFLICT');
  const options = regionKommuner ?? project.kommuner;

  function startFrom(from: Project) {
    setBase(from);
    setName(from.name);
    setDescription(from.description ?? '');
    setKommuneIds(from.kommuner.map((k) => k.id));
    setNameError(null);
    update.reset();
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

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReloaded(false);
    if (!name.trim()) {
      setNameError(t('projects.form.nameRequired'));
      return;
    }
    const body: UpdateProjectBody = { version: base.version };
    if (name.trim() !== base.name) body.name = name.trim();
    if (description.trim() !== (base.description ?? '')) body.description = description.trim() || null;
    const before = base.kommuner
      .map((k) => k.id)
      .sort()
      .join();
    if ([...kommuneIds].sort().join() !== before) body.kommuneIds = kommuneIds;
    if (Object.keys(body).length === 1) {
      setOpen(false);
      return;
    }
    update.mutate(body);
  }

  return (
    <>
      <Button variant="secondary" onClick={openDialog}>
        {t('projects.edit.open')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('projects.edit.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form className="form" onSubmit={submit} noValidate>
            <Textfield
              label={t('projects.form.name')}
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameError(null);
              }}
              error={nameError ?? (isApiError(update.error) ? update.error.messageFor('name') : undefined)}
              required
              maxLength={200}
            />
            <Textfield
              multiline
              rows={4}
              label={t('projects.form.description')}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              maxLength={4000}
            />
            <KommunerFieldset
              options={options}
              selected={kommuneIds}
              onChange={setKommuneIds}
              error={isApiError(update.error, 'KOMMUNE_NOT_IN_REGION') ? t('errors.KOMMUNE_NOT_IN_REGION') : undefined}
            />
            <SaveFeedback
              reloaded={reloaded}
              conflict={conflict}
              onReload={() => void reload()}
              error={update.isError && !isApiError(update.error, 'KOMMUNE_NOT_IN_REGION') ? update.error : null}
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
