import { Alert, Heading, Link, List } from '@digdir/designsystemet-react';
import type { FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { cellId, columnsOf, type BudgetFormValues, type DraftLine, type LineColumn } from './budget-lines';
import { focusById } from './focus';

interface Problem {
  uid: string;
  column: LineColumn;
  line: string;
  message: string;
}

/** The mistakes in the lines' cells, in the order of the lines, each with the line's name. */
function problemsOf(lines: DraftLine[], errors: FieldErrors<BudgetFormValues>, lineName: (line: DraftLine) => string): Problem[] {
  return lines.flatMap((line, index) =>
    columnsOf(line).flatMap((column) => {
      const message = errors.lines?.[index]?.[column]?.message;
      return message ? [{ uid: line.uid, column, line: lineName(line), message }] : [];
    }),
  );
}

/**
 * What stops the budget from being saved, as links to the cells (shown after a save was tried): each
 * says the line and the mistake, and moves focus to the cell. Renders nothing when there is none.
 */
export function BudgetProblems({ id, lines, errors }: { id: string; lines: DraftLine[]; errors: FieldErrors<BudgetFormValues> }) {
  const { t } = useTranslation();
  const lineName = (line: DraftLine) => {
    const n = lines.filter((l) => l.kind === line.kind).indexOf(line) + 1;
    return t(line.kind === 'financing' ? 'plans.budget.financingLine' : 'plans.budget.costLine', { n });
  };
  const problems = problemsOf(lines, errors, lineName);
  if (problems.length === 0) return null;
  return (
    <Alert data-color="danger" id={id} tabIndex={-1}>
      <Heading level={4} data-size="xs">
        {t('plans.budget.problemsHeading')}
      </Heading>
      <List.Unordered>
        {problems.map((p) => (
          <List.Item key={`${p.uid}-${p.column}`}>
            <Link
              href={`#${cellId(p.uid, p.column)}`}
              onClick={(e) => {
                e.preventDefault();
                focusById(cellId(p.uid, p.column));
              }}
            >
              {t('plans.budget.problem', { line: p.line, message: p.message })}
            </Link>
          </List.Item>
        ))}
      </List.Unordered>
    </Alert>
  );
}
