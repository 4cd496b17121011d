import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../api/types';
import { useCatalogue } from '../../../lib/catalogue';
import { PhaseStateTag, ProjectStatusTag } from './state-tags';
import { TableScroll } from '../../../components/table-scroll';

/** The projects one may see: name, region, where it stands in PLP, and who leads it. */
export function ProjectsTable({ projects }: { projects: ProjectSummary[] }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();

  if (projects.length === 0) {
    return <Paragraph>{t('projects.list.empty')}</Paragraph>;
  }

  return (
    <TableScroll>
      <Table zebra border>
        <caption>{t('projects.list.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('projects.list.columns.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('projects.list.columns.region')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('projects.list.columns.phase')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('projects.list.columns.leader')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {projects.map((project) => (
            <Table.Row key={project.id}>
              <Table.HeaderCell scope="row">
                <Link asChild>
                  <RouterLink to={`/prosjekter/${project.id}`}>{project.name}</RouterLink>
                </Link>
              </Table.HeaderCell>
              <Table.Cell>{project.regionName}</Table.Cell>
              <Table.Cell>
                {project.currentPhaseKey && project.currentPhaseState ? (
                  <span className="cell-stack">
                    <span>{catalogue.phaseTitle(project.currentPhaseKey)}</span>
                    <PhaseStateTag state={project.currentPhaseState} />
                  </span>
                ) : (
                  <ProjectStatusTag status={project.status} />
                )}
              </Table.Cell>
              <Table.Cell>{project.leader?.name ?? <span className="muted">{t('projects.noLeader')}</span>}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
