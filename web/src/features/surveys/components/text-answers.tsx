import { useEffect, useId, useRef, useState } from 'react';
import { Button, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/form-dialog';
import { errorMessage } from '../../../lib/error-message';
import { useFormat } from '../../../lib/format';
import { useRedactAnswer } from '../api/redact-answer';
import type { QuestionResult, TextAnswer } from '../api/types';

/** A text question's answers (editors only see them); each can be redacted, after a confirmation, e.g. when it names a person. */
export function TextAnswers({
  projectId,
  surveyId,
  questionKey,
  questionText,
  result,
  mayEdit,
}: {
  projectId: string;
  surveyId: string;
  questionKey: string;
  questionText: string;
  result: QuestionResult;
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const redact = useRedactAnswer(projectId, surveyId);
  const [target, setTarget] = useState<{ answer: TextAnswer; n: number } | null>(null);
  const [announce, setAnnounce] = useState('');
  const format = useFormat();
  const baseId = useId();
  /** The answer whose "removed" text takes focus once the list shows it (its button is gone). */
  const focusAnswer = useRef<string | null>(null);
  const texts = result.texts;
  const redactedId = (responseId: string) => `${baseId}-redacted-${responseId}`;

  // After every render, until the results show the answer as removed (the dialog closes first: its effect runs before this one).
  useEffect(() => {
    if (!focusAnswer.current) return;
    const target = document.getElementById(redactedId(focusAnswer.current));
    if (!target) return;
    target.focus();
    focusAnswer.current = null;
  });

  if (!texts) {
    const count = result.textCount ?? 0;
    return <Paragraph>{t('surveys.results.textCount', { count, replace: { count: format.number(count) } })}</Paragraph>;
  }
  if (texts.length === 0) return <Paragraph>{t('surveys.results.noTexts')}</Paragraph>;

  return (
    <>
      <List.Unordered className="survey-texts">
        {texts.map((answer, i) => (
          <List.Item key={answer.responseId} className="survey-texts__item">
            {answer.redacted || answer.text === null ? (
              <em id={redactedId(answer.responseId)} tabIndex={-1}>
                {t('surveys.results.redacted')}
              </em>
            ) : (
              <>
                <span className="survey-texts__text">{answer.text}</span>
                {mayEdit && (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    data-color="danger"
                    onClick={() => setTarget({ answer, n: i + 1 })}
                  >
                    {t('surveys.results.redact')}
                    <span className="visually-hidden">{t('surveys.results.answerN', { n: i + 1, question: questionText })}</span>
                  </Button>
                )}
              </>
            )}
          </List.Item>
        ))}
      </List.Unordered>
      <div aria-live="polite" className="visually-hidden">
        {announce}
      </div>
      <FormDialog
        open={target !== null}
        onClose={() => setTarget(null)}
        title={t('surveys.results.redactTitle')}
        onConfirm={() => {
          if (!target) return;
          const n = target.n;
          const responseId = target.answer.responseId;
          redact.mutate(
            { responseId, question: questionKey },
            {
              onSuccess: () => {
                setTarget(null);
                setAnnounce(t('surveys.results.redactedDone', { n }));
                focusAnswer.current = responseId;
              },
            },
          );
        }}
        pending={redact.isPending}
        submitLabel={t('surveys.results.redactConfirm')}
        submitColor="danger"
        formError={redact.error ? errorMessage(redact.error, t) : undefined}
      >
        <Paragraph>{t('surveys.results.redactBody')}</Paragraph>
        {target && <blockquote className="survey-texts__quote">{target.answer.text}</blockquote>}
      </FormDialog>
    </>
  );
}
