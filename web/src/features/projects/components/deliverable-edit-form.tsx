import { useEffect, useId, useState } from 'react';
import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Deliverable, Person, UpdateDeliverableBody } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { FormError } from '../../../components/form-error';
import { errorMessage } from '../../../lib/error-message';
import { useApiForm } from '../../../lib/use-api-form';
import { hasFirstDraft, useFetchFirstDraft, type FirstDraftLanguage } from '../api/first-draft';
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
  withContent = true,
  onSaved,
  onDirtyChange,
}: {
  deliverable: Deliverable;
  /** People who can own it: the project leader and group. */
  team: Person[];
  /** False for the plan deliverable: its text is the plan in the plan editor, so only owner and due date are edited here. */
  withContent?: boolean;
  onSaved: (message: string) => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(deliverable);
  const [reloaded, setReloaded] = useState(false);
  // UpdateDeliverableDto: content (at most 200 000 characters, kept by maxLength), owner and due date, with the version read.
  const form = useApiForm<Values>({ defaultValues: valuesOf(deliverable) });
  const values = form.watch();
  const update = useUpdateDeliverable(deliverable.projectId, deliverable.id);
  const fetchFirstDraft = useFetchFirstDraft(deliverable.projectId, deliverable.id);
  const [drafting, setDrafting] = useState(false);
  const [confirmDraft, setConfirmDraft] = useState(false);
  const [draftError, setDraftError] = useState<string | null>(null);
  const canDraft = withContent && hasFirstDraft(deliverable);
  const draftHintId = useId();

  // Adjust to a newer version from the server when only its files changed (adding a file bumps the version).
  if (deliverable.version > base.version && sameValues(valuesOf(deliverable), valuesOf(base))) {
    setBase(deliverable);
  }

  const dirty = !sameValues(values, valuesOf(base));
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const owners = [...team];
  if (deliverable.owner && !owners.some((p) => p.id === deliverable.owner?.id)) owners.push(deliverable.owner);

  async function reload() {
    try {
      const fresh = await queryClient.fetchQuery({
        ...getDeliverableQueryOptions(deliverable.projectId, deliverable.id),
        staleTime: 0,
      });
      setBase(fresh);
      form.reset(valuesOf(fresh));
      setReloaded(true);
    } catch {
      // The conflict alert stays; the person can try again.
    }
  }

  /** Puts a fresh first draft from the mapping into the text field; the person edits it and saves as usual. */
  async function insertFirstDraft() {
    setConfirmDraft(false);
    setDraftError(null);
    setDrafting(true);
    try {
      const lang: FirstDraftLanguage = (['nb', 'nn', 'en'] as const).find((l) => l === i18n.resolvedLanguage) ?? 'nb';
      const draft = await fetchFirstDraft(lang);
      form.setValue('content', draft.content, { shouldDirty: true });
      form.setFocus('content');
      onSaved(t('deliverables.edit.firstDraftInserted'));
    } catch (error) {
      setDraftError(`${t('deliverables.edit.firstDraftFailed')} ${errorMessage(error, t)}`);
    } finally {
      setDrafting(false);
    }
  }

  const submit = form.handleSubmit(async (values) => {
    const before = valuesOf(base);
    const body: UpdateDeliverableBody = { version: base.version };
    if (values.content !== before.content) body.content = values.content;
    if (values.ownerUserId !== before.ownerUserId) body.ownerUserId = values.ownerUserId || null;
    if (values.dueDate !== before.dueDate) body.dueDate = values.dueDate || null;
    if (Object.keys(body).length === 1) {
      onSaved(t('deliverables.edit.nothingChanged'));
      return;
    }
    try {
      const saved = await update.mutateAsync(body);
      setBase(saved);
      form.reset(valuesOf(saved));
      onSaved(t('deliverables.edit.saved'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form
      className="form"
      onSubmit={(e) => {
        setReloaded(false);
        void submit(e);
      }}
      noValidate
    >
      <Heading level={2} data-size="md">
        {withContent ? t('deliverables.edit.heading') : t('caseRoute.plan.responsibility')}
      </Heading>
      {canDraft && (
        <div className="form__row">
          <Button
            type="button"
            variant="secondary"
            aria-describedby={draftHintId}
            loading={drafting}
            disabled={drafting}
            onClick={() => (values.content.trim() ? setConfirmDraft(true) : void insertFirstDraft())}
          >
            {t('deliverables.edit.firstDraft')}
          </Button>
          <Paragraph className="muted" id={draftHintId}>
            {t('deliverables.edit.firstDraftHint')}
          </Paragraph>
        </div>
      )}
      {canDraft && <FormError message={draftError ?? undefined} />}
      {canDraft && (
        <FormDialog
          open={confirmDraft}
          onClose={() => setConfirmDraft(false)}
          title={t('deliverables.edit.firstDraftReplaceTitle')}
          onConfirm={() => void insertFirstDraft()}
          submitLabel={t('deliverables.edit.firstDraftReplaceConfirm')}
          submitColor="danger"
        >
          <Paragraph>{t('deliverables.edit.firstDraftReplace')}</Paragraph>
        </FormDialog>
      )}
      {withContent && (
        <Textfield
          multiline
          rows={14}
          label={t('deliverables.edit.content')}
          description={t('deliverables.edit.contentHint')}
          {...form.register('content')}
          error={form.formState.errors.content?.message}
          maxLength={200000}
        />
      )}
      <div className="form__row">
        <Field>
          <Label>{t('deliverables.edit.owner')}</Label>
          <Select {...form.register('ownerUserId')}>
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
          {...form.register('dueDate')}
          error={form.formState.errors.dueDate?.message}
        />
      </div>
      <SaveFeedback
        reloaded={reloaded}
        conflict={form.formErrorCode === 'VERSION_CONFLICT'}
        onReload={() => void reload()}
        error={null}
        conflictTitle={t('deliverables.edit.conflictTitle')}
        conflictBody={t('deliverables.edit.conflictBody')}
      />
      {form.formErrorCode !== 'VERSION_CONFLICT' && <FormError message={form.formError} />}
      <div className="form__actions">
        <Button type="submit" loading={form.formState.isSubmitting} disabled={form.formState.isSubmitting}>
          {t('deliverables.edit.save')}
        </Button>
        {dirty && <span className="muted form__note">{t('deliverables.edit.unsaved')}</span>}
      </div>
    </form>
  );
}
