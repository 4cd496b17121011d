import { fileKindOfName, MAX_UPLOAD_BYTES, uploadAccept, uploadAllows } from '@nvr/shared';
import { useRef, useState } from 'react';
import { Button, Field, Input, Label, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { getGateQueryOptions } from '../api/get-gate';
import type { GateCondition } from '../api/gate-types';
import { useAttachConditionFile, useResolveCondition } from '../api/resolve-condition';

/** The state a button moves a condition to. */
export type ConditionAction = 'met' | 'waived' | 'open';

/**
 * One step in following up a condition, in a dialog: mark it met (a note and/or a file showing it),
 * waive it (the owner, with a reason), or open it again (the owner).
 */
export function ConditionDialog({
  project,
  gate,
  condition,
  action,
  onDone,
}: {
  project: Project;
  gate: Gate;
  condition: GateCondition;
  action: ConditionAction;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const form = useApiForm<{ note: string }>({ defaultValues: { note: '' } });
  const { errors, isSubmitting } = form.formState;
  const resolve = useResolveCondition(project.id, gate.phaseKey);
  const attach = useAttachConditionFile(project.id, gate.phaseKey);
  const fileError = errors.root?.file?.message;

  function openDialog() {
    form.reset({ note: '' });
    setOpen(true);
  }

  /** Reads the chosen file when the form is sent (an event, not render). */
  async function onValid({ note }: { note: string }) {
    const file = action === 'met' ? (fileRef.current?.files?.[0] ?? null) : null;
    if (file && (!uploadAllows('document', fileKindOfName(file.name)) || file.size > MAX_UPLOAD_BYTES)) {
      form.setError('root.file', {
        message: t(uploadAllows('document', fileKindOfName(file.name)) ? 'errors.FILE_TOO_LARGE' : 'files.typeNotAllowed.document'),
      });
      fileRef.current?.focus();
      return;
    }
    if (action === 'met' && !file && note.trim() === '') {
      form.setError('note', { message: t('gate.conditionDialog.noteOrFile') }, { shouldFocus: true });
      return;
    }
    try {
      let version = condition.version;
      if (file) {
        await attach.mutateAsync({ conditionId: condition.id, file });
        const fresh = queryClient.getQueryData(getGateQueryOptions(project.id, gate.phaseKey).queryKey);
        version = fresh?.conditions.find((c) => c.id === condition.id)?.version ?? version;
      }
      await resolve.mutateAsync({ conditionId: condition.id, body: { state: action, note: note.trim() || null, version } });
      setOpen(false);
      onDone(t(`gate.conditionDialog.done.${action}`, { text: condition.text }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  }

  return (
    <>
      <Button
        variant={action === 'met' ? 'primary' : 'secondary'}
        data-size="sm"
        onClick={openDialog}
        aria-label={t(`gate.conditionDialog.openFor.${action}`, { text: condition.text })}
      >
        {t(`gate.conditionDialog.open.${action}`)}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t(`gate.conditionDialog.title.${action}`)}
        onSubmit={(e) => void form.handleSubmit(onValid)(e)}
        pending={isSubmitting}
        submitLabel={t(`gate.conditionDialog.submit.${action}`)}
        formError={form.formError}
      >
        <Paragraph className="prewrap">
          <strong>{t('gate.conditions.columns.text')}:</strong> {condition.text}
        </Paragraph>
        <Textfield
          multiline
          rows={3}
          label={t(`gate.conditionDialog.note.${action}`)}
          description={t(`gate.conditionDialog.noteHint.${action}`)}
          {...form.register('note', {
            validate: (v) => action !== 'waived' || v.trim() !== '' || t('gate.conditionDialog.reasonRequired'),
          })}
          error={errors.note?.message}
          required={action === 'waived'}
          maxLength={4000}
        />
        {action === 'met' && (
          <Field>
            <Label>{t('gate.conditionDialog.file')}</Label>
            <Field.Description>{t('files.hint')}</Field.Description>
            <Input
              ref={fileRef}
              type="file"
              accept={uploadAccept('document')}
              aria-invalid={fileError ? true : undefined}
              onChange={() => form.clearErrors('root.file')}
            />
            {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
          </Field>
        )}
      </FormDialog>
    </>
  );
}
