import { useId, useState } from 'react';
import { Alert, Button, Heading, Input, Link, List, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import {
  budgetTotals,
  COST_CATEGORIES,
  FINANCING_SOURCES,
  FINANCING_STATUSES,
  ownWorkAmount,
  type BudgetLine as SharedBudgetLine,
  type CostCategory,
  type FinancingSource,
  type FinancingStatus,
  type PhaseKey,
} from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Budget, BudgetLineInput, BudgetTotals } from '../../../api/plan-types';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusMessage } from '../../../components/status-message';
import { isApiError } from '../../../lib/api-error';
import { formatKroner, parseWholeNumber } from '../../../lib/money';
import { saveBudget } from '../api/save-budget';
import { focusById } from './focus';
import type { PlanWriter } from './use-plan-writer';

type Kind = 'cost' | 'financing';

/** A budget line as typed: text in the inputs until it is saved. */
interface DraftLine {
  uid: string;
  kind: Kind;
  category: CostCategory | FinancingSource;
  year: string;
  description: string;
  amount: string;
  hours: string;
  rate: string;
  status: FinancingStatus | '';
}

let nextUid = 0;
const uid = () => `line-${++nextUid}`;

function toDraft(line: Budget['lines'][number]): DraftLine {
  return {
    uid: uid(),
    kind: line.kind,
    category: line.category,
    year: String(line.year),
    description: line.description ?? '',
    amount: String(line.amount),
    hours: line.hours === null || line.hours === undefined ? '' : String(line.hours).replace('.', ','),
    rate: line.rate === null || line.rate === undefined ? '' : String(line.rate),
    status: line.status ?? '',
  };
}

function parseHours(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

interface LineProblem {
  uid: string;
  column: 'year' | 'amount' | 'hours' | 'rate';
  message: string;
}

/** The line as the API takes it, or the problems that stop it from being saved. */
function parseLine(
  line: DraftLine,
  t: (
    key: 'plans.budget.invalid.year' | 'plans.budget.invalid.amount' | 'plans.budget.invalid.hours' | 'plans.budget.invalid.rate',
  ) => string,
) {
  const problems: LineProblem[] = [];
  const year = Number(line.year);
  if (!/^\d{4}$/.test(line.year.trim())) problems.push({ uid: line.uid, column: 'year', message: t('plans.budget.invalid.year') });
  let amount = 0;
  let hours: number | null = null;
  let rate: number | null = null;
  if (line.category === 'own_work') {
    hours = parseHours(line.hours);
    rate = parseWholeNumber(line.rate);
    if (hours === null || Number.isNaN(hours) || hours < 0)
      problems.push({ uid: line.uid, column: 'hours', message: t('plans.budget.invalid.hours') });
    if (rate === null || Number.isNaN(rate) || rate < 0)
      problems.push({ uid: line.uid, column: 'rate', message: t('plans.budget.invalid.rate') });
    amount = hours !== null && rate !== null && !Number.isNaN(hours) && !Number.isNaN(rate) ? ownWorkAmount(hours, rate) : 0;
  } else {
    const parsed = parseWholeNumber(line.amount);
    if (parsed === null || Number.isNaN(parsed) || parsed < 0)
      problems.push({ uid: line.uid, column: 'amount', message: t('plans.budget.invalid.amount') });
    else amount = parsed;
  }
  const input: BudgetLineInput = {
    kind: line.kind,
    category: line.category,
    year: Number.isInteger(year) ? year : 0,
    // The server takes no empty description: leave it out instead.
    ...(line.description.trim() ? { description: line.description.trim() } : {}),
    amount,
    hours: line.category === 'own_work' ? hours : null,
    rate: line.category === 'own_work' ? rate : null,
    status: line.kind === 'financing' && line.status ? line.status : null,
  };
  return { input, problems };
}

const cellId = (uid: string, column: string) => `budget-${uid}-${column}`;

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
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
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

  const lineTables = (['cost', 'financing'] as const).map((kind) => {
    const ofKind = lines.filter((l) => l.kind === kind);
    const sum = kind === 'cost' ? totals.costs : totals.financing;
    const lineName = (n: number) => t(kind === 'cost' ? 'plans.budget.costLine' : 'plans.budget.financingLine', { n });
    return (
      <div key={kind} className="section">
        <div className="table-scroll">
          <Table border data-size="sm" className="plan-table budget-table">
            <caption>{t(kind === 'cost' ? 'plans.budget.costs' : 'plans.budget.financing')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t(kind === 'cost' ? 'plans.budget.category' : 'plans.budget.source')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plans.budget.year')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('plans.budget.description')}</Table.HeaderCell>
                {kind === 'financing' && <Table.HeaderCell scope="col">{t('plans.budget.status')}</Table.HeaderCell>}
                <Table.HeaderCell scope="col">{t('plans.budget.ownWork')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t('plans.budget.amount')}
                </Table.HeaderCell>
                {editable && (
                  <Table.HeaderCell scope="col">
                    <span className="visually-hidden">{t('plans.budget.actions')}</span>
                  </Table.HeaderCell>
                )}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {ofKind.length === 0 && (
                <Table.Row>
                  <Table.Cell colSpan={editable ? (kind === 'cost' ? 6 : 7) : kind === 'cost' ? 5 : 6}>
                    <span className="muted">{t('plans.budget.noLines')}</span>
                  </Table.Cell>
                </Table.Row>
              )}
              {ofKind.map((line, i) => {
                const name = lineName(i + 1);
                const p = parsed.find((x) => x.line.uid === line.uid);
                const amount = p?.input.amount ?? 0;
                const categories = kind === 'cost' ? COST_CATEGORIES : FINANCING_SOURCES;
                const categoryLabel = t(`plans.budget.categories.${line.category}`);
                if (!editable) {
                  return (
                    <Table.Row key={line.uid}>
                      <Table.Cell>{categoryLabel}</Table.Cell>
                      <Table.Cell>{line.year}</Table.Cell>
                      <Table.Cell>{line.description}</Table.Cell>
                      {kind === 'financing' && <Table.Cell>{line.status ? t(`plans.budget.statuses.${line.status}`) : ''}</Table.Cell>}
                      <Table.Cell>
                        {line.category === 'own_work' && p?.input.hours != null && p.input.rate != null
                          ? t('plans.budget.hoursTimesRate', { hours: line.hours, rate: kr(p.input.rate) })
                          : ''}
                      </Table.Cell>
                      <Table.Cell className="numeric">{kr(amount)}</Table.Cell>
                    </Table.Row>
                  );
                }
                const yearProblem = problemFor(line, 'year');
                const amountProblem = problemFor(line, 'amount');
                const hoursProblem = problemFor(line, 'hours');
                const rateProblem = problemFor(line, 'rate');
                return (
                  <Table.Row key={line.uid}>
                    <Table.Cell className="budget-table__category">
                      <Select
                        id={cellId(line.uid, 'category')}
                        aria-label={t('plans.budget.cellLabel', {
                          column: t(kind === 'cost' ? 'plans.budget.category' : 'plans.budget.source'),
                          line: name,
                        })}
                        value={line.category}
                        onChange={(e) => update(line.uid, { category: e.target.value as DraftLine['category'] })}
                      >
                        {categories.map((c) => (
                          <Select.Option key={c} value={c}>
                            {t(`plans.budget.categories.${c}`)}
                          </Select.Option>
                        ))}
                      </Select>
                    </Table.Cell>
                    <Table.Cell>
                      <Input
                        id={cellId(line.uid, 'year')}
                        inputMode="numeric"
                        size={5}
                        aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.year'), line: name })}
                        aria-invalid={yearProblem ? true : undefined}
                        value={line.year}
                        onChange={(e) => update(line.uid, { year: e.target.value })}
                      />
                    </Table.Cell>
                    <Table.Cell className="budget-table__description">
                      <Input
                        aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.description'), line: name })}
                        value={line.description}
                        onChange={(e) => update(line.uid, { description: e.target.value })}
                      />
                    </Table.Cell>
                    {kind === 'financing' && (
                      <Table.Cell className="budget-table__status">
                        <Select
                          aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.status'), line: name })}
                          value={line.status}
                          onChange={(e) => update(line.uid, { status: e.target.value as DraftLine['status'] })}
                        >
                          <Select.Option value="">{t('plans.budget.statusNone')}</Select.Option>
                          {FINANCING_STATUSES.map((s) => (
                            <Select.Option key={s} value={s}>
                              {t(`plans.budget.statuses.${s}`)}
                            </Select.Option>
                          ))}
                        </Select>
                      </Table.Cell>
                    )}
                    <Table.Cell>
                      {line.category === 'own_work' ? (
                        <div className="budget-own-work">
                          <Input
                            id={cellId(line.uid, 'hours')}
                            inputMode="decimal"
                            size={6}
                            aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.hours'), line: name })}
                            aria-invalid={hoursProblem ? true : undefined}
                            value={line.hours}
                            onChange={(e) => update(line.uid, { hours: e.target.value })}
                          />
                          <span aria-hidden="true">×</span>
                          <Input
                            id={cellId(line.uid, 'rate')}
                            inputMode="numeric"
                            size={6}
                            aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.rate'), line: name })}
                            aria-invalid={rateProblem ? true : undefined}
                            value={line.rate}
                            onChange={(e) => update(line.uid, { rate: e.target.value })}
                          />
                        </div>
                      ) : (
                        <span className="muted">
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t('plans.budget.notOwnWork')}</span>
                        </span>
                      )}
                    </Table.Cell>
                    <Table.Cell className="numeric">
                      {line.category === 'own_work' ? (
                        <output aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.amount'), line: name })}>
                          {kr(amount)}
                        </output>
                      ) : (
                        <Input
                          id={cellId(line.uid, 'amount')}
                          inputMode="numeric"
                          size={11}
                          className="numeric"
                          aria-label={t('plans.budget.cellLabel', { column: t('plans.budget.amountKr'), line: name })}
                          aria-invalid={amountProblem ? true : undefined}
                          value={line.amount}
                          onChange={(e) => update(line.uid, { amount: e.target.value })}
                        />
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('plans.budget.removeLine', { line: name })}
                        onClick={() => remove(line)}
                      >
                        <TrashIcon aria-hidden="true" />
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row" colSpan={kind === 'cost' ? 4 : 5}>
                  {t(kind === 'cost' ? 'plans.budget.sumCosts' : 'plans.budget.sumFinancing')}
                </Table.HeaderCell>
                <Table.Cell className="numeric">{kr(sum)}</Table.Cell>
                {editable && <Table.Cell />}
              </Table.Row>
            </Table.Foot>
          </Table>
        </div>
        {editable && (
          <div>
            <Button id={`budget-add-${kind}`} type="button" variant="secondary" data-size="sm" onClick={() => add(kind)}>
              <PlusIcon aria-hidden="true" />
              {t(kind === 'cost' ? 'plans.budget.addCost' : 'plans.budget.addFinancing')}
            </Button>
          </div>
        )}
      </div>
    );
  });

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

/** Costs, financing and the difference per year, with the whole budget in the footer. */
export function BudgetTotalsTable({ totals, caption }: { totals: BudgetTotals; caption: string }) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  return (
    <div className="table-scroll">
      <Table border zebra data-size="sm" className="plan-table plan-table--narrow">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('plans.budget.year')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('plans.budget.costs')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('plans.budget.financing')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" className="numeric">
              {t('plans.budget.difference')}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {totals.byYear.map((y) => (
            <Table.Row key={y.year}>
              <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
              <Table.Cell className="numeric">{kr(y.costs)}</Table.Cell>
              <Table.Cell className="numeric">{kr(y.financing)}</Table.Cell>
              <Table.Cell className="numeric">{kr(y.difference)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell scope="row">{t('plans.budget.total')}</Table.HeaderCell>
            <Table.Cell className="numeric">{kr(totals.costs)}</Table.Cell>
            <Table.Cell className="numeric">{kr(totals.financing)}</Table.Cell>
            <Table.Cell className="numeric">{kr(totals.difference)}</Table.Cell>
          </Table.Row>
        </Table.Foot>
      </Table>
    </div>
  );
}

/** Whether costs and financing balance, in words (the gate needs a balanced budget for the next phase's plan). */
export function BalanceMessage({ totals }: { totals: BudgetTotals }) {
  const { t, i18n } = useTranslation();
  const kr = (n: number) => formatKroner(n, i18n.resolvedLanguage ?? 'nb');
  if (totals.empty) {
    return (
      <Alert data-color="info">
        <Paragraph>{t('plans.budget.balance.empty')}</Paragraph>
      </Alert>
    );
  }
  if (totals.balanced) {
    return (
      <Alert data-color="success">
        <Paragraph>{t('plans.budget.balance.balanced', { amount: kr(totals.costs) })}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert data-color="warning">
      <Paragraph>
        {totals.difference > 0
          ? t('plans.budget.balance.underFinanced', { amount: kr(totals.difference) })
          : t('plans.budget.balance.overFinanced', { amount: kr(-totals.difference) })}{' '}
        {t('plans.budget.balance.gate')}
      </Paragraph>
    </Alert>
  );
}
