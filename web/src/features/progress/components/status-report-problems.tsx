import { useEffect, useRef } from 'react';
import { Alert, Heading, Link, List } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

export interface Problem {
  /** The id of the field (an input, a textarea, or a fieldset around radio buttons). */
  id: string;
  message: string;
}

/** Moves focus to a field by id: the element itself when it is an input, otherwise the first input inside it. */
function focusField(id: string) {
  const el = document.getElementById(id);
  (el?.matches('input, textarea') ? el : el?.querySelector<HTMLElement>('input, textarea'))?.focus();
}

/**
 * The form's problems above it, each a link to its field. Gets focus each time `focusRequest` grows
 * (a save or publish that was stopped), so a screen reader reads the list first.
 */
export function StatusReportProblems({ problems, focusRequest }: { problems: Problem[]; focusRequest: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusRequest > 0) ref.current?.focus();
  }, [focusRequest]);

  if (problems.length === 0) return null;
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1}>
      <Heading level={2} data-size="xs">
        {t('progress.report.problemsHeading')}
      </Heading>
      <List.Unordered>
        {problems.map((p) => (
          <List.Item key={p.id}>
            <Link
              href={`#${p.id}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(p.id);
              }}
            >
              {p.message}
            </Link>
          </List.Item>
        ))}
      </List.Unordered>
    </Alert>
  );
}
