import { useId, useRef, useState, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { mentionSpans } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Comment, CommentTargetType } from '../../../api/progress-types';
import { FormError } from '../../../components/form-error';
import { Loading } from '../../../components/loading';
import { StatusMessage } from '../../../components/status-message';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useCreateComment } from '../api/create-comment';
import { useDeleteComment } from '../api/delete-comment';
import { useComments } from '../api/get-comments';
import { useUpdateComment } from '../api/update-comment';
import { MentionField } from './mention-field';
import { ProgressError } from './progress-error';
import { progressErrorMessage } from './progress-text';
import './progress.css';

/** A refusal of a mention belongs to the text: it is shown there, naming the handles. */
const MENTION_FIELD = { COMMENT_MENTION_UNKNOWN: 'body' } as const;

/** The comment's text with each @mention of a person notified shown as their name, emphasised. */
function CommentBody({ body, mentions }: { body: string; mentions: Comment['mentions'] }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const span of mentionSpans(body)) {
    const handle = span.handle.toLowerCase();
    const person = mentions.find((m) => m.email.toLowerCase() === handle || m.id.toLowerCase() === handle);
    if (!person) continue;
    parts.push(
      body.slice(last, span.start),
      <strong key={span.start} className="mention">
        @{person.name}
      </strong>,
    );
    last = span.end;
  }
  parts.push(body.slice(last));
  return <Paragraph className="prewrap comment__body">{parts}</Paragraph>;
}

/**
 * Comments on a phase plan (target: the phase's id), a deliverable or a status report, oldest first;
 * a form for a new one where one may comment, and edit or delete for one's own. @mentions, chosen
 * from a people picker (mention-field.tsx), notify those people.
 */
export function CommentsSection({
  projectId,
  targetType,
  targetId,
  canComment,
  headingLevel = 2,
}: {
  projectId: string;
  targetType: CommentTargetType;
  targetId: string;
  canComment: boolean;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const comments = useComments(projectId, targetType, targetId);
  const [status, setStatus] = useState<string | null>(null);
  // CreateCommentDto: a body that is not empty.
  const form = useApiForm<{ body: string }>({ defaultValues: { body: '' }, message: progressErrorMessage, codeFields: MENTION_FIELD });
  const create = useCreateComment(projectId);

  const submit = form.handleSubmit(async ({ body }) => {
    setStatus(null);
    try {
      const comment = await create.mutateAsync({ targetType, targetId, body: body.trim() });
      form.reset({ body: '' });
      setStatus(
        comment.mentions.length > 0
          ? t('progress.comments.postedMentions', { names: comment.mentions.map((m) => m.name).join(', ') })
          : t('progress.comments.posted'),
      );
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  const count = comments.data?.length ?? 0;
  return (
    <section aria-labelledby={headingId} className="section comments">
      <Heading level={headingLevel} data-size="md" id={headingId} ref={headingRef} tabIndex={-1}>
        {comments.data ? t('progress.comments.headingCount', { count }) : t('progress.comments.heading')}
      </Heading>
      {comments.isPending ? (
        <Loading label={t('progress.comments.loading')} />
      ) : comments.isError ? (
        <ProgressError error={comments.error} title={t('progress.comments.loadError')} />
      ) : count === 0 ? (
        <Paragraph className="muted">{t('progress.comments.none')}</Paragraph>
      ) : (
        <ol className="comments__list" aria-labelledby={headingId}>
          {comments.data.map((comment) => (
            <CommentItem
              key={comment.id}
              projectId={projectId}
              comment={comment}
              onChanged={setStatus}
              onDeleted={(message) => {
                setStatus(message);
                // The comment and its buttons are gone: continue from the section's heading.
                requestAnimationFrame(() => headingRef.current?.focus());
              }}
            />
          ))}
        </ol>
      )}
      <StatusMessage message={status} />
      {canComment && (
        <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
          <MentionField
            projectId={projectId}
            label={t('progress.comments.new')}
            description={t('progress.comments.mentionHint')}
            field={form.register('body', { validate: (v) => v.trim() !== '' || t('progress.comments.required') })}
            value={form.watch('body')}
            onValue={(v) => form.setValue('body', v, { shouldDirty: true })}
            error={form.formState.errors.body?.message}
          />
          <FormError message={form.formError} />
          <div className="form__actions">
            <Button type="submit" loading={form.formState.isSubmitting} disabled={form.formState.isSubmitting}>
              {t('progress.comments.post')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function CommentItem({
  projectId,
  comment,
  onChanged,
  onDeleted,
}: {
  projectId: string;
  comment: Comment;
  onChanged: (message: string) => void;
  onDeleted: (message: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const form = useApiForm<{ body: string }>({
    defaultValues: { body: comment.body },
    message: progressErrorMessage,
    codeFields: MENTION_FIELD,
  });
  const text = form.watch('body');
  const update = useUpdateComment(projectId);

  async function save({ body }: { body: string }) {
    if (!body.trim()) return;
    try {
      await update.mutateAsync({ commentId: comment.id, body: body.trim(), version: comment.version });
      setEditing(false);
      onChanged(t('progress.comments.edited'));
      requestAnimationFrame(() => editButton.current?.focus());
    } catch (error) {
      form.applyServerErrors(error);
    }
  }
  const remove = useDeleteComment(projectId, { onSuccess: () => onDeleted(t('progress.comments.deleted')) });
  const author = comment.author?.name ?? t('progress.comments.unknownAuthor');

  return (
    <li className="comment">
      <article aria-label={t('progress.comments.by', { name: author })}>
        <p className="comment__meta">
          <strong>{author}</strong> <span className="muted">{format.dateTime(comment.createdAt)}</span>
          {comment.editedAt && (
            <span className="muted"> · {t('progress.comments.editedAt', { dateTime: format.dateTime(comment.editedAt) })}</span>
          )}
        </p>
        {editing ? (
          <form className="form" onSubmit={(e) => void form.handleSubmit(save)(e)} noValidate>
            <MentionField
              projectId={projectId}
              label={t('progress.comments.editLabel')}
              field={form.register('body')}
              value={text}
              onValue={(v) => form.setValue('body', v, { shouldDirty: true })}
              error={form.formState.errors.body?.message}
            />
            <FormError message={form.formError} />
            <div className="form__actions">
              <Button
                type="submit"
                data-size="sm"
                loading={form.formState.isSubmitting}
                disabled={form.formState.isSubmitting || !text.trim()}
              >
                {t('progress.comments.saveEdit')}
              </Button>
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  setEditing(false);
                  form.reset({ body: comment.body });
                  requestAnimationFrame(() => editButton.current?.focus());
                }}
              >
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        ) : (
          <CommentBody body={comment.body} mentions={comment.mentions} />
        )}
        {comment.mentions.length > 0 && !editing && (
          <Paragraph data-size="sm" className="muted">
            {t('progress.comments.notified', { names: comment.mentions.map((m) => m.name).join(', ') })}
          </Paragraph>
        )}
        {(comment.editable || comment.deletable) && !editing && (
          <div className="row-actions">
            {comment.editable && (
              <Button
                ref={editButton}
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  setEditing(true);
                  requestAnimationFrame(() => form.setFocus('body'));
                }}
              >
                {t('progress.comments.edit')}
              </Button>
            )}
            {comment.deletable &&
              (confirmDelete ? (
                <>
                  <Button
                    type="button"
                    variant="secondary"
                    data-color="danger"
                    data-size="sm"
                    onClick={() => remove.mutate(comment)}
                    loading={remove.isPending}
                  >
                    {t('progress.comments.confirmDelete')}
                  </Button>
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => setConfirmDelete(false)}>
                    {t('common.cancel')}
                  </Button>
                </>
              ) : (
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => setConfirmDelete(true)}>
                  {t('progress.comments.delete')}
                </Button>
              ))}
          </div>
        )}
        {remove.error ? <ProgressError error={remove.error} /> : null}
      </article>
    </li>
  );
}
