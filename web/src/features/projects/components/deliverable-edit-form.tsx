import { useEffect, useState } from 'react';
import { Button, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Deliverable, Person, UpdateDeliverableBody } from '../../../api/types';
import { isApiError } from '../../../lib/api-error';
import { getDeliverableQueryOptions } from '../api/get-deliverable';
import { useUpdateDeliverable } from '../api/update-deliverable';
import { SaveFeedback } from '../../../components/save-feedback';

interface Values {
  content: string;
  ownerUserId: string;
  dueDate: string;
}

function valuesOf(d: Deliverable): Values {
  return { content: d.content, ownerUserId: d.owner?.id ?? '', dueDate: d.dueDate ?? '' };
}

function sameValues(a: Values, b: Values): boolean {
  return a.content === b.content && a.ownerUserId === b.ownerUserId && a.dueDate === b.dueDate;
}

/**
 * The deliverable's text, owner and due date, saved explicitly (no autosave) with the version the
 * person started from. A newer version that changed only the files is taken in silently; one that
 * changed these fields gives 409 VERSION_CONFLICT, which the form explains and offers to reload.
 */
export function DeliverableEditForm({
  deliverable,
  team,
  onSaved,
  onDirtyChange,
}: {
  deliverable: Deliverable;
  /** People who can own it: the project leader and group. */
  team: Person[];
  onSaved: (message: string) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(deliverable);
  const [values, setValues] = useState(valuesOf(deliverable));
  const [reloaded, setReloaded] = useState(false);
  const update = useUpdateDeliverable(deliverable.projectId, deliverable.id, {
    onSuccess: (saved) => {
      setBase(saved);
      setValues(valuesOf(saved));
      onSaved(t('deliverables.edit.saved'));
    },
  });

  // Adjust to a newer version from the server when only its files changed (adding a file bumps the version).
  if (deliverable.version > base.version && sameValues(valuesOf(deliverable), valuesOf(base))) {
    setBase(deliverable);
  }

  const dirty = !sameValues(values, valuesOf(base));
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const conflict = isApiError(update.error, 'VERSION_CONFLICT');
  const owners = [...team];
  if (deliverable.owner && !owners.some((p) => p.id === deliverable.owner?.id)) owners.push(deliverable.owner);

  async function reload() {
    try {
      const fresh = await queryClient.fetchQuery({
        ...getDeliverableQueryOptions(deliverable.projectId, deliverable.id),
        staleTime: 0,
      });
      setBase(fresh);
      setValues(valuesOf(fresh));
      update.reset();
      setReloaded(true);
    } catch {
      // The conflict alert stays; the person can try again.
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReloaded(false);
    const before = valuesOf(base);
    const body: UpdateDeliverableBody = { version: base.version };
    if (values.content !== before.content) body.content = values.content;
    if (values.ownerUserId !== before.ownerUserId) body.ownerUserId = values.ownerUserId || null;
    if (values.dueDate !== before.dueDate) body.dueDate = values.dueDate || null;
    if (Object.keys(body).length === 1) {
      onSaved(t('deliverables.edit.nothingChanged'));
      return;
    }
    update.mutate(body);
  }

  const set = (field: keyof Values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  return (
    <form className="form" onSubmit={submit} noValidate>
      <Heading level={2} data-size="md">
        {t('deliverables.edit.heading')}
      </Heading>
      <Textfield
        multiline
        rows={14}
        label={t('deliverables.edit.content')}
        description={t('deliverables.edit.contentHint')}
        value={values.content}
        onChange={(e) => set('content')(e.target.value)}
        error={isApiError(update.error) ? update.error.messageFor('content') : undefined}
        maxLength={200000}
      />
      <div className="form__row">
        <Field>
          <Label>{t('deliverables.edit.owner')}</Label>
          <Select value={values.ownerUserId} onChange={(e) => set('ownerUserId')(e.target.value)}>
            <Select.Option value="">{t('deliverables.edit.noOwner')}</Select.Option>
            {owners.map((p) => (
              <Select.Option key={p.id} value={p.id}>
                {p.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          type="date"
          label={t('deliverables.edit.dueDate')}
          value={values.dueDate}
          onChange={(e) => set('dueDate')(e.target.value)}
        />
      </div>
      <SaveFeedback
        reloaded={reloaded}
        conflict={conflict}
        onReload={() => void reload()}
        error={update.isError ? update.error : null}
        conflictTitle={t('deliverables.edit.conflictTitle')}
        conflictBody={t('deliverables.edit.conflictBody')}
      />
      <div className="form__actions">
        <Button type="submit" loading={update.isPending} disabled={update.isPending}>
          {t('deliverables.edit.save')}
        </Button>
        {dirty && <span className="muted form__note">{t('deliverables.edit.unsaved')}</span>}
      </div>
    </form>
  );
}
