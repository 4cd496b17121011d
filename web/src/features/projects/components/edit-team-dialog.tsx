import { useId, useState } from 'react';
import { Button, Checkbox, Dialog, Field, Fieldset, Heading, Label, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Person, Project } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { useSetTeam } from '../api/set-team';

/** Chooses the project leader and the project group from the accounts (PUT /api/projects/{id}/team). */
export function EditTeamDialog({ project, people, onSaved }: { project: Project; people: Person[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [leaderId, setLeaderId] = useState(project.leader?.id ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(project.members.map((m) => m.id));
  const setTeam = useSetTeam(project.id, {
    onSuccess: () => {
      setOpen(false);
      onSaved(t('projects.team.saved'));
    },
  });
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name, 'nb'));

  function openDialog() {
    setLeaderId(project.leader?.id ?? '');
    setMemberIds(project.members.map((m) => m.id));
    setTeam.reset();
    setOpen(true);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTeam.mutate({ leaderUserId: leaderId || null, memberUserIds: memberIds.filter((id) => id !== leaderId) });
  }

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={openDialog}>
        {t('projects.team.edit')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('projects.team.editTitle')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form className="form" onSubmit={submit} noValidate>
            <Field>
              <Label>{t('projects.team.leader')}</Label>
              <Select value={leaderId} onChange={(e) => setLeaderId(e.target.value)}>
                <Select.Option value="">{t('projects.noLeader')}</Select.Option>
                {sorted.map((p) => (
                  <Select.Option key={p.id} value={p.id}>
                    {t('projects.personOption', { name: p.name, email: p.email })}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Fieldset>
              <Fieldset.Legend>{t('projects.team.members')}</Fieldset.Legend>
              <Fieldset.Description>{t('projects.team.membersHint')}</Fieldset.Description>
              {sorted
                .filter((p) => p.id !== leaderId)
                .map((p) => (
                  <Checkbox
                    key={p.id}
                    label={t('projects.personOption', { name: p.name, email: p.email })}
                    value={p.id}
                    checked={memberIds.includes(p.id)}
                    onChange={(e) => setMemberIds((ids) => (e.target.checked ? [...ids, p.id] : ids.filter((id) => id !== p.id)))}
                  />
                ))}
            </Fieldset>
            {setTeam.isError && <ErrorAlert error={setTeam.error} />}
            <div className="form__actions">
              <Button type="submit" loading={setTeam.isPending} disabled={setTeam.isPending}>
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
