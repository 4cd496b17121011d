import { useId } from 'react';
import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { ExclamationmarkTriangleFillIcon } from '@navikt/aksel-icons';
import { isPhaseKey } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import type { Inbox, InboxItem, InboxItemKind } from '../api/get-inbox';
import './inbox.css';
import { TableScroll } from '../../../components/table-scroll';

/** The groups in the order a secretariat works through them. */
const GROUPS: readonly InboxItemKind[] = [
  'gate_awaiting_decision',
  'deliverable_to_review',
  'kommune_case_pending',
  'deliverable_returned',
  'condition_open',
];

/**
 * "Venter på deg": one section per kind of thing waiting, each a table (what, project, who or where,
 * deadline) in the server's order (by due date, then project). An overdue deadline says so in words.
 */
export function InboxList({ inbox }: { inbox: Inbox }) {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = GROUPS.map((kind) => ({ kind, items: inbox.items.filter((i) => i.kind === kind) })).filter((g) => g.items.length > 0);

  return (
    <>
      <Paragraph className="lead">
        {inbox.items.length === 0 ? t('inbox.empty') : t('inbox.summary', { count: inbox.items.length })}
      </Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('inbox.asOf', { date: format.date(inbox.asOf) })}
      </Paragraph>
      {groups.length === 0 && <Paragraph>{t('inbox.emptyHint')}</Paragraph>}
      {groups.map((g) => (
        <InboxGroup key={g.kind} kind={g.kind} items={g.items} />
      ))}
    </>
  );
}

function InboxGroup({ kind, items }: { kind: InboxItemKind; items: InboxItem[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const describe = useDescribe();
  return (
    <section className="section inbox-group" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t(`inbox.groups.${kind}.heading`)}
      </Heading>
      <TableScroll>
        <Table zebra border data-size="sm" className="inbox-table">
          <caption>{t(`inbox.groups.${kind}.caption`, { count: items.length })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t(`inbox.groups.${kind}.what`)}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('inbox.columns.project')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t(`inbox.groups.${kind}.detail`)}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t(`inbox.groups.${kind}.date`)}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((item) => {
              const d = describe(item);
              return (
                <Table.Row key={`${item.kind}-${item.targetId}`}>
                  <Table.HeaderCell scope="row">
                    <Link asChild>
                      <RouterLink to={item.link}>{d.what}</RouterLink>
                    </Link>
                    {d.whatNote && <span className="cell-note">{d.whatNote}</span>}
                  </Table.HeaderCell>
                  <Table.Cell>
                    {item.projectName}
                    <span className="cell-note">{item.regionName}</span>
                  </Table.Cell>
                  <Table.Cell>{d.detail ?? <span className="muted">{t('inbox.none')}</span>}</Table.Cell>
                  <Table.Cell>
                    <DateCell item={item} kind={kind} />
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}

function DateCell({ item, kind }: { item: InboxItem; kind: InboxItemKind }) {
  const { t } = useTranslation();
  const format = useFormat();
  // A gate has no deadline of its own: it shows when it was submitted.
  if (kind === 'gate_awaiting_decision') return item.since ? format.date(item.since) : <span className="muted">{t('inbox.none')}</span>;
  if (!item.due) return <span className="muted">{t('inbox.noDue')}</span>;
  return (
    <>
      {format.date(item.due)}
      {item.overdue && (
        <span className="inbox-overdue">
          <ExclamationmarkTriangleFillIcon aria-hidden="true" />
          {t('inbox.overdue')}
        </span>
      )}
    </>
  );
}

/** The words of one row: what it is (the link), and the who or where beside it. */
function useDescribe() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const format = useFormat();
  return (item: InboxItem): { what: string; whatNote: string | null; detail: string | null } => {
    const phase = item.phaseKey && isPhaseKey(item.phaseKey) ? catalogue.phaseTitle(item.phaseKey) : null;
    switch (item.kind) {
      case 'gate_awaiting_decision':
        return {
          what: phase ? t('inbox.gateOf', { phase }) : item.title,
          whatNote: null,
          detail: item.bodyName ?? item.title,
        };
      case 'kommune_case_pending':
        return {
          what: t('inbox.kommuneCase', { kommune: item.title }),
          whatNote: null,
          detail: phase ? t('inbox.gateOf', { phase }) : null,
        };
      case 'deliverable_returned':
        return { what: item.title, whatNote: phase, detail: item.comment };
      case 'deliverable_to_review':
        return { what: item.title, whatNote: phase, detail: item.owner?.name ?? null };
      case 'condition_open':
        return {
          what: item.title,
          whatNote: item.since ? t('inbox.conditionSince', { date: format.date(item.since) }) : null,
          detail: item.owner?.name ?? null,
        };
    }
  };
}
