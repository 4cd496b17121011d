import { useId } from 'react';
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { mayRecordForKommune, type KommuneCaseOutcome, todayInOslo } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import type { Gate, Project } from '../../../api/types';
import { useAccess } from '../../../lib/auth';
import { useFormat } from '../../../lib/format';
import { formatKroner } from '../../../lib/money';
import type { KommuneCases } from '../api/gate-types';
import { KommuneConsequence } from './kommune-consequence';
import { KommuneDeadlineForm } from './kommune-deadline-form';
import { KommuneDecisionDialog } from './kommune-decision-dialog';
import { TableScroll } from '../../../components/table-scroll';

const OUTCOME_COLORS: Record<KommuneCaseOutcome, string> = {
  pending: 'neutral',
  yes: 'success',
  yes_with_changes: 'success',
  no: 'danger',
  not_handled: 'warning',
};

/**
 * "Kommunestyrene": each member kommune's own case on its share of the next phase: the summary
 * sentence, a table of the cases, the consequence of any "no", and for those who may, recording one
 * kommune's decision and setting the deadline.
 */
export function KommuneCasesSection({ project, gate, onChanged }: { project: Project; gate: Gate; onChanged: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { roles } = useAccess();
  const cases: KommuneCases | null = gate.kommuneCases;
  if (!cases) return null;
  const { summary } = cases;
  const kr = (amount: number) => formatKroner(amount, i18n.resolvedLanguage ?? 'nb');
  const today = todayInOslo();
  // The server's rule: while the gate awaits its decision, and after an approval (late kommunestyre decisions).
  const open = gate.permissions.recordKommune;
  // A kommune contact who speaks for one kommune records only that kommune's decision.
  const mayRecord = (kommuneId: string) => mayRecordForKommune(roles, project, kommuneId);
  const deadlines = [...new Set(cases.cases.map((c) => c.deadline))].sort();
  const sorted = [...cases.cases].sort((a, b) => a.kommuneName.localeCompare(b.kommuneName, 'nb'));

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('gate.kommuner.heading')}
      </Heading>
      <Paragraph className="kommune-summary">
        {summary.no > 0
          ? t('gate.kommuner.summaryWithNo', { count: summary.total, decided: summary.decided, no: summary.no })
          : t('gate.kommuner.summary', { count: summary.total, decided: summary.decided })}
        {summary.notHandled > 0 && ` ${t('gate.kommuner.summaryNotHandled', { count: summary.notHandled })}`}
        {summary.overdue > 0 && ` ${t('gate.kommuner.summaryOverdue', { count: summary.overdue })}`}
      </Paragraph>
      {deadlines.length > 0 && (
        <Paragraph>
          {deadlines.length === 1
            ? t('gate.kommuner.deadline', { date: format.date(deadlines[0]) })
            : t('gate.kommuner.deadlines', { from: format.date(deadlines[0]), to: format.date(deadlines[deadlines.length - 1]) })}
        </Paragraph>
      )}
      <TableScroll>
        <Table zebra border>
          <caption>{t('gate.kommuner.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('gate.kommuner.columns.kommune')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('gate.kommuner.columns.share')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('gate.kommuner.columns.deadline')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('gate.kommuner.columns.outcome')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('gate.kommuner.columns.meetingDate')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('gate.kommuner.columns.caseNumber')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('gate.kommuner.columns.committed')}
              </Table.HeaderCell>
              {open && (
                <Table.HeaderCell scope="col">
                  <span className="visually-hidden">{t('gate.kommuner.columns.actions')}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {sorted.map((c) => {
              const overdue = c.outcome === 'pending' && c.deadline < today;
              return (
                <Table.Row key={c.id}>
                  <Table.HeaderCell scope="row">{c.kommuneName}</Table.HeaderCell>
                  <Table.Cell className="numeric">{kr(c.share)}</Table.Cell>
                  <Table.Cell>
                    {format.date(c.deadline)}
                    {overdue && <span className="cell-note cell-note--warning">{t('gate.kommuner.overdue')}</span>}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={OUTCOME_COLORS[c.outcome]} data-size="sm">
                      {t(`gate.kommuner.outcome.${c.outcome}`)}
                    </Tag>
                    {c.decisionText && <span className="cell-note prewrap">{c.decisionText}</span>}
                  </Table.Cell>
                  <Table.Cell>{c.meetingDate ? format.date(c.meetingDate) : '–'}</Table.Cell>
                  <Table.Cell>{c.caseNumber ?? '–'}</Table.Cell>
                  <Table.Cell className="numeric">{c.amountCommitted !== null ? kr(c.amountCommitted) : '–'}</Table.Cell>
                  {open && (
                    <Table.Cell>
                      {mayRecord(c.kommuneId) && (
                        <KommuneDecisionDialog project={project} gate={gate} kommuneCase={c} onSaved={onChanged} />
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
          <tfoot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('gate.kommuner.total')}</Table.HeaderCell>
              <Table.Cell className="numeric">{kr(summary.shareTotal)}</Table.Cell>
              <Table.Cell colSpan={4} />
              <Table.Cell className="numeric">{kr(summary.committed)}</Table.Cell>
              {open && <Table.Cell />}
            </Table.Row>
          </tfoot>
        </Table>
      </TableScroll>
      <KommuneConsequence cases={cases} />
      {gate.permissions.handleStep && open && (
        <KommuneDeadlineForm project={project} gate={gate} current={deadlines[0] ?? null} onSaved={onChanged} />
      )}
    </section>
  );
}
