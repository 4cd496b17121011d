import { useId, useRef, useState } from 'react';
import { Button, Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Deliverable } from '../../../api/types';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-error';
import { useReviewDeliverable } from '../api/review-deliverable';

type Outcome = 'accepted' | 'returned';

/** The regionråd accepts a submitted deliverable or returns it; returning needs a comment saying what must change. */
export function ReviewForm({ deliverable, onReviewed }: { deliverable: Deliverable; onReviewed: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ outcome?: string; comment?: string }>({});
  const outcomeRef = useRef<HTMLFieldSetElement>(null);
  const commentRef = useRef<HTMLTextAreaElement | HTMLInputElement>(null);
  const review = useReviewDeliverable(deliverable.projectId, deliverable.id, {
    onSuccess: (d) => onReviewed(t(d.state === 'accepted' ? 'deliverables.review.accepted' : 'deliverables.review.returned')),
  });
  const commentError = errors.comment ?? (isApiError(review.error) ? review.error.messageFor('comment') : undefined);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!outcome) found.outcome = t('deliverables.review.outcomeRequired');
    else if (outcome === 'returned' && !comment.trim()) found.comment = t('deliverables.review.commentRequired');
    setErrors(found);
    if (found.outcome) return outcomeRef.current?.querySelector('input')?.focus();
    if (found.comment) return commentRef.current?.focus();
    if (!outcome) return;
    review.mutate({ outcome, comment: comment.trim() || null });
  }

  return (
    <section aria-labelledby={headingId} className="section panel">
      <Heading level={2} data-size="md" id={headingId}>
        {t('deliverables.review.heading')}
      </Heading>
      <form className="form" onSubmit={submit} noValidate>
        <Fieldset ref={outcomeRef}>
          <Fieldset.Legend>{t('deliverables.review.outcome')}</Fieldset.Legend>
          {(['accepted', 'returned'] as const).map((value) => (
            <Radio
              key={value}
              name="review-outcome"
              value={value}
              label={t(`deliverables.review.options.${value}`)}
              checked={outcome === value}
              aria-invalid={errors.outcome ? true : undefined}
              onChange={() => {
                setOutcome(value);
                setErrors({});
              }}
            />
          ))}
          {errors.outcome && <ValidationMessage>{errors.outcome}</ValidationMessage>}
        </Fieldset>
        <Textfield
          ref={commentRef}
          multiline
          rows={4}
          label={t('deliverables.review.comment')}
          description={t('deliverables.review.commentHint')}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setErrors(({ comment: _cleared, ...rest }) => rest);
          }}
          error={commentError}
        />
        {review.isError && !commentError && <ErrorAlert error={review.error} />}
        <div className="form__actions">
          <Button type="submit" loading={review.isPending} disabled={review.isPending}>
            {t('deliverables.review.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
