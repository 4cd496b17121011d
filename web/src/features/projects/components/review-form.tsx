import { useId } from 'react';
import { Button, Fieldset, Heading, Radio, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Deliverable } from '../../../api/types';
import { FormError } from '../../../components/form-error';
import { useApiForm } from '../../../lib/use-api-form';
import { useReviewDeliverable } from '../api/review-deliverable';

/** ReviewDeliverableDto: an outcome, and a comment that returning requires. */
interface ReviewValues {
  outcome: '' | 'accepted' | 'returned';
  comment: string;
}

/** The regionråd accepts a submitted deliverable or returns it; returning needs a comment saying what must change. */
export function ReviewForm({ deliverable, onReviewed }: { deliverable: Deliverable; onReviewed: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useApiForm<ReviewValues>({ defaultValues: { outcome: '', comment: '' } });
  const { errors, isSubmitting } = form.formState;
  const review = useReviewDeliverable(deliverable.projectId, deliverable.id);

  const submit = form.handleSubmit(async ({ outcome, comment }) => {
    if (!outcome) return;
    try {
      const d = await review.mutateAsync({ outcome, comment: comment.trim() || null });
      onReviewed(t(d.state === 'accepted' ? 'deliverables.review.accepted' : 'deliverables.review.returned'));
    } catch (error) {
      form.applyServerErrors(error);
    }
  });

  return (
    <section aria-labelledby={headingId} className="section panel">
      <Heading level={2} data-size="md" id={headingId}>
        {t('deliverables.review.heading')}
      </Heading>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Fieldset>
          <Fieldset.Legend>{t('deliverables.review.outcome')}</Fieldset.Legend>
          {(['accepted', 'returned'] as const).map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(`deliverables.review.options.${value}`)}
              aria-invalid={errors.outcome ? true : undefined}
              {...form.register('outcome', {
                required: t('deliverables.review.outcomeRequired'),
                deps: ['comment'],
              })}
            />
          ))}
          {errors.outcome && <ValidationMessage>{errors.outcome.message}</ValidationMessage>}
        </Fieldset>
        <Textfield
          multiline
          rows={4}
          label={t('deliverables.review.comment')}
          description={t('deliverables.review.commentHint')}
          {...form.register('comment', {
            validate: (comment, values) =>
              values.outcome !== 'returned' || comment.trim() !== '' || t('deliverables.review.commentRequired'),
          })}
          error={errors.comment?.message}
        />
        <FormError message={form.formError} />
        <div className="form__actions">
          <Button type="submit" loading={isSubmitting} disabled={isSubmitting}>
            {t('deliverables.review.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
