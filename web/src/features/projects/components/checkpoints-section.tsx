import { useId, useState } from 'react';
import { Button, Checkbox, Fieldset, Heading, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { CheckmarkCircleFillIcon, CircleIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import type { Checkpoint, Gate } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { StatusMessage } from '../../../components/status-message';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useSetCheckpoint } from '../api/set-checkpoint';

/** The gate's manual checkpoints: the project leader ticks each with a comment; everyone else reads them. */
export function CheckpointsSection({ gate }: { gate: Gate }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [status, setStatus] = useState<string | null>(null);
  const canEdit = gate.permissions.submit;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gates.checkpoints.heading')}
      </Heading>
      <Paragraph>{t(canEdit ? 'gates.checkpoints.introEdit' : 'gates.checkpoints.intro')}</Paragraph>
      <StatusMessage message={status} />
      {canEdit ? (
        <div className="checkpoints">
          {gate.checkpoints.map((c) => (
            <CheckpointForm key={c.key} gate={gate} checkpoint={c} onSaved={setStatus} />
          ))}
        </div>
      ) : (
        <List.Unordered className="plain-list">
          {gate.checkpoints.map((c) => (
            <List.Item key={c.key}>
              <CheckpointReadOnly gate={gate} checkpoint={c} />
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </section>
  );
}

function CheckpointForm({ gate, checkpoint, onSaved }: { gate: Gate; checkpoint: Checkpoint; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const title = catalogue.checkpointTitle(gate.phaseKey, checkpoint.key);
  // SetCheckpointDto: checked, and an optional comment of at most 2000 characters (kept by maxLength).
  const form = useApiForm<{ checked: boolean; comment: string }>({
    defaultValues: { checked: checkpoint.checked, comment: checkpoint.comment ?? '' },
  });
  const save = useSetCheckpoint(gate.projectId, gate.phaseKey);
  const [checked, comment] = form.watch(['checked', 'comment']);
  const changed = checked !== checkpoint.checked || comment.trim() !== (checkpoint.comment ?? '');

  const submit = form.handleSubmit(async (values) => {
    try {
      await save.mutateAsync({ checkpointKey: checkpoint.key, body: { checked: values.checked, comment: values.comment.trim() || null } });
      onSaved(t(values.checked ? 'gates.checkpoints.savedChecked' : 'gates.checkpoints.savedUnchecked', { checkpoint: title }));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <form className="form checkpoint" onSubmit={(e) => void submit(e)} noValidate>
      <Fieldset>
        <Fieldset.Legend>{title}</Fieldset.Legend>
        <Checkbox label={t('gates.checkpoints.done')} {...form.register('checked')} />
        <Textfield
          multiline
          rows={2}
          label={t('gates.checkpoints.comment')}
          {...form.register('comment')}
          error={form.formState.errors.comment?.message}
          maxLength={2000}
        />
      </Fieldset>
      <CheckpointMeta checkpoint={checkpoint} />
      <FormError message={form.formError} />
      <div className="form__actions">
        <Button
          type="submit"
          variant={changed ? 'primary' : 'secondary'}
          data-size="sm"
          loading={form.formState.isSubmitting}
          disabled={form.formState.isSubmitting}
        >
          {t('gates.checkpoints.save')}
        </Button>
      </div>
    </form>
  );
}

function CheckpointReadOnly({ gate, checkpoint }: { gate: Gate; checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const Icon = checkpoint.checked ? CheckmarkCircleFillIcon : CircleIcon;
  return (
    <div className={`checklist__item checklist__item--${checkpoint.checked ? 'ok' : 'missing'}`}>
      <Icon aria-hidden="true" className="checklist__icon" />
      <span className="checklist__status">{t(checkpoint.checked ? 'gates.checkpoints.checked' : 'gates.checkpoints.unchecked')}</span>
      <span className="checklist__text">
        {catalogue.checkpointTitle(gate.phaseKey, checkpoint.key)}
        {checkpoint.comment && <span className="cell-note prewrap">{checkpoint.comment}</span>}
        <CheckpointMeta checkpoint={checkpoint} />
      </span>
    </div>
  );
}

function CheckpointMeta({ checkpoint }: { checkpoint: Checkpoint }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!checkpoint.updatedAt) return null;
  return (
    <span className="cell-note">
      {t('gates.checkpoints.updated', { name: checkpoint.updatedBy ?? t('common.unknown'), date: format.dateTime(checkpoint.updatedAt) })}
    </span>
  );
}
