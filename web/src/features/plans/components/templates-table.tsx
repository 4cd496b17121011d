import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../api/plan-types';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { TableScroll } from '../../../components/table-scroll';
import { useTemplateText } from '../../../lib/template-text';

const KIND_ORDER = ['project_plan', 'guide', 'survey', 'report'] as const;

/** The template library: project plans first, then guides, surveys and reports. */
export function TemplatesTable({ templates }: { templates: TemplateSummary[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const catalogue = useCatalogue();
  const { tt, lang } = useTemplateText();
  if (templates.length === 0) return <Paragraph>{t('plans.templates.empty')}</Paragraph>;
  const sorted = [...templates].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || tt(a.title).localeCompare(tt(b.title), lang),
  );
  return (
    <TableScroll>
      <Table zebra border>
        <caption>{t('plans.templates.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('plans.templates.columns.title')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plans.templates.columns.kind')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plans.templates.columns.phase')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plans.templates.columns.version')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('plans.templates.columns.changed')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {sorted.map((template) => (
            <Table.Row key={template.key}>
              <Table.HeaderCell scope="row">
                <Link asChild>
                  <RouterLink to={`/maler/${template.key}`}>{tt(template.title)}</RouterLink>
                </Link>
                {tt(template.description) && <span className="cell-note">{tt(template.description)}</span>}
              </Table.HeaderCell>
              <Table.Cell>{t(`plans.templates.kinds.${template.kind}`)}</Table.Cell>
              <Table.Cell>{template.phaseKey ? catalogue.phaseTitle(template.phaseKey) : t('plans.templates.allPhases')}</Table.Cell>
              <Table.Cell>{template.version}</Table.Cell>
              <Table.Cell>{format.dateTime(template.createdAt)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
