import { useId } from 'react';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { isPhaseKey } from '@nvr/shared';
import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HistoryEvent, Project } from '../../../api/types';
import type nb from '../../../locales/projects.nb.json';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useHistory } from '../api/get-history';
import { TableScroll } from '../../../components/table-scroll';

type KnownAction = keyof typeof nb.history.actions;

/** Whether the words have a label for the action (the server may know newer ones than this page). */
function isKnownAction(action: string, i18n: I18n): action is KnownAction {
  return i18n.exists(`history.actions.${action}`);
}

/** What happened in the project, newest first: when, who, what. */
export function HistorySection({ project }: { project: Project }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const history = useHistory(project.id);
  const describe = useDescribeEvent(project);

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('history.heading')}
      </Heading>
      {history.isPending ? (
        <Loading label={t('history.loading')} />
      ) : history.isError ? (
        <ErrorAlert error={history.error} title={t('history.loadError')} />
      ) : history.data.length === 0 ? (
        <Paragraph>{t('history.empty')}</Paragraph>
      ) : (
        <TableScroll>
          <Table zebra border data-size="sm">
            <caption>{t('history.caption', { project: project.name })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('history.columns.at')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('history.columns.actor')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('history.columns.what')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {history.data.map((event) => (
                <Table.Row key={event.id}>
                  <Table.Cell>
                    <time dateTime={event.at}>{format.dateTime(event.at)}</time>
                  </Table.Cell>
                  <Table.Cell>{event.actorName}</Table.Cell>
                  <Table.Cell>{describe(event)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}

function field(record: object | null, name: string): unknown {
  return record && typeof record === 'object' ? (record as Record<string, unknown>)[name] : undefined;
}

/** "Leveranse sendt til vurdering: Overordnet anbefaling" — the action in words and what it was about. */
function useDescribeEvent(project: Project) {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue();
  const deliverables = new Map(project.phases.flatMap((p) => p.deliverables.map((d) => [d.id, d] as const)));

  return (event: HistoryEvent): string => {
    const label = actionLabel(event.action, t, i18n);
    const subject = ((): string | null => {
      if (event.entityType === 'deliverable') {
        const known = event.entityId ? deliverables.get(event.entityId) : undefined;
        const title = known ? catalogue.deliverableTitle(known) : (field(event.after, 'title') ?? field(event.before, 'title'));
        const filename = field(event.after, 'filename') ?? field(event.before, 'filename');
        return [title, filename].filter((x): x is string => typeof x === 'string' && x !== '').join(' – ') || null;
      }
      if (event.entityType === 'gate' && event.entityId) {
        const [phaseKey, checkpointKey] = event.entityId.split('/');
        if (!isPhaseKey(phaseKey)) return null;
        if (checkpointKey) {
          const checked = field(event.after, 'checked') === true;
          return `${catalogue.checkpointTitle(phaseKey, checkpointKey)} (${t(checked ? 'history.checked' : 'history.unchecked')})`;
        }
        const caseNumber = field(event.after, 'caseNumber');
        const phase = catalogue.phaseTitle(phaseKey);
        return typeof caseNumber === 'string' ? t('history.withCaseNumber', { phase, caseNumber }) : phase;
      }
      if (event.entityType === 'phase' && event.entityId && isPhaseKey(event.entityId)) {
        return catalogue.phaseTitle(event.entityId);
      }
      return null;
    })();
    return subject ? `${label}: ${subject}` : label;
  };
}

function actionLabel(action: string, t: TFunction, i18n: I18n): string {
  return isKnownAction(action, i18n) ? t(`history.actions.${action}`) : action;
}
