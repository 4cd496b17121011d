import { useId, useState } from 'react';
import { Alert, Button, Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { budgetTotals, type BudgetLine as SharedBudgetLine, type PhaseKey } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Budget } from '../../../api/plan-types';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { saveBudget } from '../api/save-budget';
import { BudgetLineTable } from './budget-line-table';
import { cellId, parseLine, toDraft, uid, type DraftLine, type Kind, type LineProblem } from './budget-lines';
import { BalanceMessage, BudgetTotalsTable } from './budget-totals';
import { focusById } from './focus';
import type { PlanWriter } from './use-plan-writer';

/**
 * The phase's cost and financing budget (PLP plan section 7): lines per category or source and year,
 * own work as hours × rate, totals per year and overall, and whether it balances. Saved as a whole
 * (PUT) with the plan's version.
 */
export function BudgetEditor({
  projectId,
  phaseKey,
  budget,
  editable,
  write,
  onConflict,
}: {
  projectId: string;
  phaseKey: PhaseKey;
  budget: Budget;
  editable: boolean;
  write: PlanWriter;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const [lines, setLines] = useState<DraftLine[]>(() => budget.lines.map(toDraft));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showProblems, setShowProblems] = useState(false);
  const problemsId = useId();

  const parsed = lines.map((l) => ({ line: l, ...parseLine(l, t) }));
  const problems = parsed.flatMap((p) => p.problems);
  const totals = budgetTotals(parsed.map((p) => p.input as SharedBudgetLine));

  function update(uidToChange: string, patch: Partial<DraftLine>) {
    setLines((ls) => ls.map((l) => (l.uid === uidToChange ? { ...l, ...patch } : l)));
    setDirty(true);
    setSaved(null);
  }

  function add(kind: Kind) {
    const years = lines.map((l) => Number(l.year)).filter((y) => Number.isInteger(y) && y > 1900);
    const year = years.length ? Math.max(...years) : new Date().getFullYear();
    const line: DraftLine = {
      uid: uid(),
      kind,
      category: kind === 'cost' ? 'project_management' : 'innovasjon_norge',
      year: String(year),
      description: '',
      amount: '',
      hours: '',
      rate: '',
      status: kind === 'financing' ? 'applied' : '',
    };
    setLines((ls) => [...ls, line]);
    setDirty(true);
    setSaved(null);
    focusById(cellId(line.uid, 'category'), { afterRender: true });
  }

  function remove(line: DraftLine) {
    const same = lines.filter((l) => l.kind === line.kind);
    const index = same.findIndex((l) => l.uid === line.uid);
    const neighbour = same[index + 1] ?? same[index - 1];
    setLines((ls) => ls.filter((l) => l.uid !== line.uid));
    setDirty(true);
    setSaved(null);
    focusById(neighbour ? cellId(neighbour.uid, 'category') : `budget-add-${line.kind}`, { afterRender: true });
  }

  async function save() {
    if (problems.length > 0) {
      setShowProblems(true);
      focusById(problemsId, { afterRender: true });
      return;
    }
    setShowProblems(false);
    setSaving(true);
    setError(null);
    try {
      await write((version) => saveBudget({ projectId, phaseKey, body: { lines: parsed.map((p) => p.input), version } }));
      setDirty(false);
      setSaved(t('plans.budget.saved'));
    } catch (e) {
      setError(e);
      if (isApiError(e, 'VERSION_CONFLICT')) onConflict();
    } finally {
      setSaving(false);
    }
  }

  const problemFor = (line: DraftLine, column: LineProblem['column']) =>
    showProblems ? problems.find((p) => p.uid === line.uid && p.column === column) : undefined;

  const lineTables = (['cost', 'financing'] as const).map((kind) => (
    <BudgetLineTable
      key={kind}
      kind={kind}
      lines={lines}
      parsed={parsed}
      totals={totals}
      editable={editable}
      problemFor={problemFor}
      onUpdate={update}
      onAdd={add}
      onRemove={remove}
    />
  ));

  return (
    <div className="section budget">
      <Heading level={3} data-size="xs">
        {t('plans.budget.heading')}
      </Heading>
      {lineTables}
      <BudgetTotalsTable totals={totals} caption={t('plans.budget.perYear')} />
      <BalanceMessage totals={totals} />
      {editable && (
        <>
          {showProblems && problems.length > 0 && (
            <Alert data-color="danger" id={problemsId} tabIndex={-1}>
              <Heading level={4} data-size="xs">
                {t('plans.budget.problemsHeading')}
              </Heading>
              <List.Unordered>
                {problems.map((p) => {
                  const line = lines.find((l) => l.uid === p.uid);
                  const n = line ? lines.filter((l) => l.kind === line.kind).indexOf(line) + 1 : 0;
                  const name = t(line?.kind === 'financing' ? 'plans.budget.financingLine' : 'plans.budget.costLine', { n });
                  return (
                    <List.Item key={`${p.uid}-${p.column}`}>
                      <Link
                        href={`#${cellId(p.uid, p.column)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          focusById(cellId(p.uid, p.column));
                        }}
                      >
                        {t('plans.budget.problem', { line: name, message: p.message })}
                      </Link>
                    </List.Item>
                  );
                })}
              </List.Unordered>
            </Alert>
          )}
          {error && !isApiError(error, 'VERSION_CONFLICT') ? (
            <ErrorAlert error={error} details={isApiError(error) ? error.fieldErrors.flatMap((f) => f.messages) : []} />
          ) : null}
          <div className="form__actions budget__actions">
            <Button type="button" onClick={() => void save()} loading={saving} disabled={saving}>
              {t('plans.budget.save')}
            </Button>
            {dirty && <Paragraph className="muted">{t('plans.budget.unsaved')}</Paragraph>}
          </div>
          <StatusMessage message={saved} />
        </>
      )}
    </div>
  );
}
