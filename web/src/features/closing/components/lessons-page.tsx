import { useId } from 'react';
import { Button, Field, Heading, Label, Link, Paragraph, Search, Select, Table } from '@digdir/designsystemet-react';
import { LESSON_CATEGORIES, PHASE_KEYS } from '@nvr/shared';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { Loading } from '../../../components/loading';
import { useCatalogue } from '../../../lib/catalogue';
import { useFormat } from '../../../lib/format';
import { useLessons } from '../api/get-lessons';
import type { FactorSummary, LessonsFilter } from '../api/types';
import { useClosingText } from './closing-text';
import './closing.css';
import { TableScroll } from '../../../components/table-scroll';

/**
 * Learning across regions: the success-factor scores (averages and distribution) and the lessons of the
 * ended projects in the regions the adviser follows, filtered by region, phase and category, and searched.
 */
export function LessonsPage({ filter, onFilter }: { filter: LessonsFilter; onFilter: (next: LessonsFilter) => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const text = useClosingText();
  const format = useFormat();
  const lessons = useLessons(filter);
  const filtersId = useId();
  const projectsId = useId();
  const factorsId = useId();
  const lessonsId = useId();

  const data = lessons.data;
  const select = (key: 'regionId' | 'phase' | 'category', label: string, all: string, options: { value: string; label: string }[]) => (
    <Field>
      <Label>{label}</Label>
      <Select value={filter[key] ?? ''} onChange={(e) => onFilter({ ...filter, [key]: e.target.value || undefined })}>
        <Select.Option value="">{all}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );

  return (
    <>
      <section aria-labelledby={filtersId} className="section">
        <Heading level={2} data-size="xs" id={filtersId} className="visually-hidden">
          {t('closing.lessonsPage.filters')}
        </Heading>
        <form
          role="search"
          className="lessons-filters"
          onSubmit={(e) => {
            e.preventDefault();
            const q = new FormData(e.currentTarget).get('q');
            onFilter({ ...filter, q: typeof q === 'string' && q.trim() ? q.trim() : undefined });
          }}
        >
          {select(
            'regionId',
            t('closing.lessonsPage.region'),
            t('closing.lessonsPage.allRegions'),
            (data?.regions ?? []).map((r) => ({ value: r.id, label: r.name })),
          )}
          {select(
            'phase',
            t('closing.lessonsPage.phase'),
            t('closing.lessonsPage.allPhases'),
            PHASE_KEYS.map((p) => ({ value: p, label: catalogue.phaseTitle(p) })),
          )}
          {select(
            'category',
            t('closing.lessonsPage.category'),
            t('closing.lessonsPage.allCategories'),
            LESSON_CATEGORIES.map((c) => ({ value: c, label: text.categoryTitle(c) })),
          )}
          <Field>
            <Label>{t('closing.lessonsPage.search')}</Label>
            <Search>
              <Search.Input
                key={filter.q ?? ''}
                name="q"
                aria-label={t('closing.lessonsPage.search')}
                defaultValue={filter.q ?? ''}
                maxLength={200}
              />
              <Search.Clear onClick={() => onFilter({ ...filter, q: undefined })} />
              <Search.Button aria-label={t('closing.lessonsPage.searchButton')}>{t('closing.lessonsPage.searchButton')}</Search.Button>
            </Search>
          </Field>
        </form>
        {Object.values(filter).some(Boolean) && (
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => onFilter({})}>
            {t('closing.lessonsPage.clear')}
          </Button>
        )}
      </section>

      {lessons.error ? <ErrorAlert error={lessons.error} /> : null}
      {!data ? (
        lessons.isPending && <Loading label={t('common.loading')} />
      ) : (
        <div aria-busy={lessons.isFetching || undefined}>
          <section aria-labelledby={projectsId} className="section">
            <Heading level={2} data-size="md" id={projectsId}>
              {t('closing.lessonsPage.projects', { count: data.projects.length })}
            </Heading>
            {data.projects.length === 0 ? (
              <Paragraph className="muted">{t('closing.lessonsPage.noProjects')}</Paragraph>
            ) : (
              <TableScroll>
                <Table zebra border>
                  <caption className="visually-hidden">{t('closing.lessonsPage.projectsCaption')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('closing.lessonsPage.project')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('closing.lessonsPage.region')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('closing.lessonsPage.ended')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('closing.lessonsPage.outcome')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {data.projects.map((p) => (
                      <Table.Row key={p.id}>
                        <Table.HeaderCell scope="row">
                          <Link asChild>
                            <RouterLink to={`/prosjekter/${p.id}/avslutning`}>{p.name}</RouterLink>
                          </Link>
                        </Table.HeaderCell>
                        <Table.Cell>{p.regionName}</Table.Cell>
                        <Table.Cell>
                          {p.lastPhase ? catalogue.phaseTitle(p.lastPhase) : '–'}
                          {p.endedOn ? `, ${format.date(p.endedOn)}` : ''}
                        </Table.Cell>
                        <Table.Cell>
                          {p.outcome === 'carry_on'
                            ? t('closing.lessonsPage.carriedOn', { organisation: p.successorOrganisation ?? '' })
                            : p.outcome === 'close'
                              ? t('closing.decision.outcomes.close')
                              : t(`closing.lessonsPage.status.${p.status}`)}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </TableScroll>
            )}
          </section>

          <section aria-labelledby={factorsId} className="section">
            <Heading level={2} data-size="md" id={factorsId}>
              {t('closing.lessonsPage.factors')}
            </Heading>
            <Paragraph data-size="sm">{t('closing.lessonsPage.factorsIntro')}</Paragraph>
            <TableScroll>
              <Table zebra border>
                <caption className="visually-hidden">{t('closing.lessonsPage.factorsCaption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('closing.evaluation.factor')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="numeric">
                      {t('closing.lessonsPage.leaders')}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="numeric">
                      {t('closing.lessonsPage.owners')}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('closing.lessonsPage.distribution')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.factors.map((f) => (
                    <FactorRow key={f.factor} summary={f} title={text.factorTitle(f.factor)} />
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          </section>

          <section aria-labelledby={lessonsId} className="section">
            <Heading level={2} data-size="md" id={lessonsId}>
              {t('closing.lessonsPage.lessons', { count: data.total })}
            </Heading>
            {data.total > data.lessons.length && (
              <Paragraph data-size="sm">{t('closing.lessonsPage.truncated', { shown: data.lessons.length, total: data.total })}</Paragraph>
            )}
            {data.lessons.length === 0 ? (
              <Paragraph className="muted">{t('closing.lessonsPage.noLessons')}</Paragraph>
            ) : (
              <ul className="plain-list closing-lessons">
                {data.lessons.map((l) => (
                  <li key={l.id} className="closing-lesson">
                    <Paragraph className="prewrap">{l.text}</Paragraph>
                    <Paragraph data-size="sm" className="muted">
                      {t('closing.lessonsPage.lessonMeta', {
                        category: text.categoryTitle(l.category),
                        phase: catalogue.phaseTitle(l.phaseKey),
                        project: l.projectName,
                        region: l.regionName,
                        date: format.date(l.createdAt.slice(0, 10)),
                      })}
                    </Paragraph>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </>
  );
}

function FactorRow({ summary: f, title }: { summary: FactorSummary; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const avg = (s: FactorSummary['leader']) =>
    s.average === null ? '–' : t('closing.lessonsPage.average', { average: format.number(s.average), count: s.count });
  const most = Math.max(1, ...f.all.distribution);
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">{title}</Table.HeaderCell>
      <Table.Cell className="numeric">{avg(f.leader)}</Table.Cell>
      <Table.Cell className="numeric">{avg(f.owner)}</Table.Cell>
      <Table.Cell>
        <ul className="plain-list">
          {f.all.distribution.map((n, i) => (
            <li key={i}>
              <span className="lessons-bar" style={{ inlineSize: `${(n / most) * 4}rem` }} aria-hidden="true" />
              {t('closing.lessonsPage.distributionItem', { score: i + 1, count: n })}
            </li>
          ))}
        </ul>
      </Table.Cell>
    </Table.Row>
  );
}
