import { Paragraph, Textfield } from '@digdir/designsystemet-react';
import { mayMoveRecommendation, RECOMMENDATION_STATUSES, type RecommendationStatus } from '@nvr/shared';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { useApiForm } from '../../../lib/use-api-form';
import { useChangeRecommendationStatus } from '../api/save-recommendation';
import type { Recommendation, RegisterPermissions } from '../api/types';

const OWNER_OUTCOMES: readonly RecommendationStatus[] = ['adopted', 'rejected', 'examine_next'];

export interface StatusAction {
  to: RecommendationStatus;
  /** Translation key under recommendations.actions */
  action: 'put_to_owner' | 'proposed' | 'adopted' | 'rejected' | 'examine_next' | 'reopen';
}

/**
 * The moves this person may make (the server's rule): the project puts a recommendation to the owner and
 * takes it back; the regionråd gives the owner's outcome, or undoes it.
 */
export function statusActions(r: Recommendation, p: RegisterPermissions): StatusAction[] {
  if (!p.active) return [];
  return RECOMMENDATION_STATUSES.filter((to) => mayMoveRecommendation(r.status, to))
    .filter((to) => (OWNER_OUTCOMES.includes(to) || OWNER_OUTCOMES.includes(r.status) ? p.decide : p.edit))
    .map((to) => ({ to, action: to === 'put_to_owner' && OWNER_OUTCOMES.includes(r.status) ? 'reopen' : to }));
}

/**
 * Confirms a status change, with an optional note (e.g. the case number of the owner's decision). Stays
 * mounted and is opened and closed through `open`, so that closing goes through the native dialog, which
 * gives focus back to the button that opened it.
 */
export function StatusDialog({
  projectId,
  open,
  recommendation,
  number,
  move,
  onClose,
  onDone,
}: {
  projectId: string;
  open: boolean;
  recommendation: Recommendation;
  number: number;
  move: StatusAction;
  onClose: () => void;
  /** After the change is saved, with the message to show; the caller closes the dialog. */
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const change = useChangeRecommendationStatus(projectId);
  const form = useApiForm<{ note: string }>({ defaultValues: { note: '' } });
  const { reset } = form;
  useEffect(() => {
    if (open) reset({ note: '' });
  }, [open, reset]);

  const submit = form.handleSubmit(async ({ note }) => {
    try {
      const after = await change.mutateAsync({
        id: recommendation.id,
        body: { status: move.to, version: recommendation.version, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      const message = t('recommendations.statusChanged', { n: number, status: t(`recommendations.statuses.${after.status}`) });
      onDone(after.status === 'adopted' && after.subgoalKey ? `${message} ${t('recommendations.subgoalAdded')}` : message);
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t('recommendations.statusDialog.title', { action: t(`recommendations.actions.${move.action}`), n: number })}
      onSubmit={(e) => void submit(e)}
      pending={form.formState.isSubmitting}
      submitLabel={t(`recommendations.actions.${move.action}`)}
      formError={form.formError}
      formErrorCode={form.formErrorCode}
    >
      <Paragraph>{recommendation.title}</Paragraph>
      {move.to === 'adopted' && <Paragraph data-size="sm">{t('recommendations.statusDialog.adoptHint')}</Paragraph>}
      <Textfield
        multiline
        rows={2}
        maxLength={4000}
        label={t('recommendations.statusDialog.note')}
        description={t('recommendations.statusDialog.noteHint')}
        {...form.register('note')}
      />
    </FormDialog>
  );
}
