import { useEffect, useId, useRef } from 'react';
import { Alert, Heading, Link, List } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { focusById } from './focus';
import type { Problem } from './template-draft';

/**
 * What to correct before saving, above the form: each problem links to (and focuses) its control.
 * It takes focus whenever `focusRequest` changes (a save stopped by the form's checks).
 */
export function TemplateProblems({ problems, focusRequest }: { problems: Problem[]; focusRequest: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useEffect(() => {
    if (focusRequest > 0) ref.current?.focus();
  }, [focusRequest]);

  if (problems.length === 0) return null;
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1} aria-labelledby={headingId}>
      <Heading level={2} data-size="xs" id={headingId}>
        {t('plans.templateEditor.problemsHeading')}
      </Heading>
      <List.Unordered>
        {problems.map((p) => (
          <List.Item key={`${p.id}-${p.message}`}>
            <Link
              href={`#${p.id}`}
              onClick={(e) => {
                e.preventDefault();
                focusById(p.id);
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
