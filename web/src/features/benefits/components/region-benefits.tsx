import { useId } from 'react';
import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { BENEFIT_TRENDS } from '@nvr/shared';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { getRegionBenefitsQueryOptions } from '../api/get-region-benefits';
import type { RegionBenefits } from '../api/types';
import { TREND_COLOR, useBenefitFormat } from './benefit-text';
import './benefits.css';
import { TableScroll } from '../../../components/table-scroll';

type RegionProject = RegionBenefits['projects'][number];

/**
 * The benefits of all the region's projects the reader may see, for the regionråd's follow-up also after the
 * projects have ended: how many are on track, behind, reached or not measured, and per project a table of
 * its benefits' indicators with the latest measurement against the target.
 */
export function RegionBenefitsView({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(getRegionBenefitsQueryOptions(regionId));
  const total = data.projects.reduce((n, p) => n + p.benefits.length, 0);

  return (
    <div className="benefits">
      <Paragraph>{t('benefits.region.intro')}</Paragraph>
      {total === 0 ? (
        <Paragraph>{t('benefits.region.empty')}</Paragraph>
      ) : (
        <>
          <Heading level={2} data-size="sm">
            {t('benefits.region.summary', { count: total })}
          </Heading>
          <ul className="region-benefits__trends">
            {BENEFIT_TRENDS.map((trend) => (
              <li key={trend}>
                <Tag data-color={TREND_COLOR[trend]}>
                  {t('benefits.region.trendCount', { trend: t(`benefits.trends.${trend}`), count: data.trends[trend] })}
                </Tag>
              </li>
            ))}
          </ul>
          {data.projects.map((p) => (
            <ProjectBenefits key={p.id} project={p} />
          ))}
        </>
      )}
    </div>
  );
}

function ProjectBenefits({ project }: { project: RegionProject }) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = useBenefitFormat();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        <Link asChild>
          <RouterLink to={`/prosjekter/${project.id}/gevinster`}>{project.name}</RouterLink>
        </Link>{' '}
        <span className="muted">
          (
          {t(`benefits.projectStatus.${project.status === 'active' ? 'active' : project.status === 'completed' ? 'completed' : 'stopped'}`)}
          )
        </span>
      </Heading>
      <TableScroll>
        <Table border zebra data-size="sm">
          <caption className="visually-hidden">{t('benefits.region.caption', { project: project.name })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('benefits.region.columns.benefit')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('benefits.fields.owner')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('benefits.region.columns.indicator')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('benefits.region.columns.latest')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('benefits.region.columns.target')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="numeric">
                {t('benefits.measurements.share')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('benefits.trendLabel')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {project.benefits.flatMap((b) => {
              const name = `${t('benefits.number', { n: b.number })}: ${b.title}`;
              if (!b.indicators.length)
                return [
                  <Table.Row key={b.id}>
                    <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
                    <Table.Cell>{b.owner?.name ?? t('benefits.noOwner')}</Table.Cell>
                    <Table.Cell colSpan={4}>{t('benefits.noIndicators')}</Table.Cell>
                    <Table.Cell>{t(`benefits.trends.${b.trend}`)}</Table.Cell>
                  </Table.Row>,
                ];
              return b.indicators.map((i) => (
                <Table.Row key={i.id}>
                  <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
                  <Table.Cell>{b.owner?.name ?? t('benefits.noOwner')}</Table.Cell>
                  <Table.Cell>
                    {i.name}
                    {i.closed && <span className="muted"> ({t('benefits.indicator.closedNote')})</span>}
                  </Table.Cell>
                  <Table.Cell>
                    {i.latest
                      ? `${f.value(i.latest.value)} ${i.unit} (${format.date(i.latest.date)})`
                      : t('benefits.indicator.notMeasured')}
                  </Table.Cell>
                  <Table.Cell>{`${f.value(i.targetValue)} ${i.unit} (${format.date(i.targetDate)})`}</Table.Cell>
                  <Table.Cell className="numeric">{f.share(i.share)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={TREND_COLOR[i.trend]} data-size="sm">
                      {t(`benefits.trends.${i.trend}`)}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ));
            })}
          </Table.Body>
        </Table>
      </TableScroll>
    </section>
  );
}
