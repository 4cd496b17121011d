import { useState } from 'react';
import { Button, Checkbox, Field, Fieldset, Label, Select } from '@digdir/designsystemet-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Person, Project } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { useSetTeam } from '../api/set-team';

/** SetTeamDto: a leader or none, and the group (the leader is not also a member). */
interface TeamValues {
  leaderId: string;
  memberIds: string[];
}

const valuesOf = (project: Project): TeamValues => ({ leaderId: project.leader?.id ?? '', memberIds: project.members.map((m) => m.id) });

/** Chooses the project leader and the project group from the accounts (PUT /api/projects/{id}/team). */
export function EditTeamDialog({ project, people, onSaved }: { project: Project; people: Person[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const form = useApiForm<TeamValues>({ defaultValues: valuesOf(project) });
  const setTeam = useSetTeam(project.id);
  const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const leaderId = form.watch('leaderId');

  function openDialog() {
    form.reset(valuesOf(project));
    setOpen(true);
  }

  const submit = form.handleSubmit(async (values) => {
    try {
      await setTeam.mutateAsync({
        leaderUserId: values.leaderId || null,
        memberUserIds: values.memberIds.filter((id) => id !== values.leaderId),
      });
      setOpen(false);
      onSaved(t('projects.team.saved'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <>
      <Button variant="secondary" data-size="sm" onClick={openDialog}>
        {t('projects.team.edit')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('projects.team.editTitle')}
        onSubmit={(e) => void submit(e)}
        pending={form.formState.isSubmitting}
        formError={form.formError}
      >
        <Field>
          <Label>{t('projects.team.leader')}</Label>
          <Select {...form.register('leaderId')}>
            <Select.Option value="">{t('projects.noLeader')}</Select.Option>
            {sorted.map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {t('projects.personOption', { name: p.name, email: p.email })}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Controller
          control={form.control}
          name="memberIds"
          render={({ field }) => (
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
                    checked={field.value.includes(p.id)}
                    onChange={(e) => field.onChange(e.target.checked ? [...field.value, p.id] : field.value.filter((id) => id !== p.id))}
                  />
                ))}
            </Fieldset>
          )}
        />
      </FormDialog>
    </>
  );
}
