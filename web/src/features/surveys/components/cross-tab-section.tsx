import { useId, useState } from 'react';
import { Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { formatShare, surveyText, type Lang, type SurveyQuestion } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/format';
import { useCrossTab } from '../api/get-crosstab';
import type { CrossTabGroup } from '../api/types';
import { optionLabel } from './result-labels';
import { TableScroll } from '../../../components/table-scroll';

const SUPPRESSED = '–';

/**
 * One question's answers split by the grouping question or by kommune. Groups smaller than the
 * survey's smallest group, and one more where the small one could be worked out by subtraction, are
 * shown as "–" with a note saying so.
 */
export function CrossTabSection({
  projectId,
  surveyId,
  questions,
  kommuner,
}: {
  projectId: string;
  surveyId: string;
  questions: readonly SurveyQuestion[];
  kommuner: readonly { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'nb') as Lang;
  const headingId = useId();
  const tabulable = questions.filter((q) => q.kind === 'single' || q.kind === 'multiple' || q.kind === 'scale');
  const grouping = questions.find((q) => q.grouping);
  const byChoices = [
    ...(grouping ? [{ value: grouping.key, label: surveyText(grouping.text, lang) }] : []),
    { value: 'kommune', label: t('surveys.crossTab.byKommune') },
  ];
  const [question, setQuestion] = useState(tabulable.find((q) => q.key !== grouping?.key)?.key ?? tabulable[0]?.key ?? '');
  const [by, setBy] = useState(byChoices[0].value);
  /** Whether the person has chosen another table: from then on each new table is announced. */
  const [chosenByPerson, setChosenByPerson] = useState(false);
  const format = useFormat();
  const crossTab = useCrossTab(projectId, surveyId, question ? { question, by, lang } : null);

  // The grouping of the table shown (the previous one while another is fetched).
  const shownBy = crossTab.data?.by ?? by;
  const groupName = (group: CrossTabGroup) => {
    if (group.label) return group.label;
    if (group.key === null) return t(shownBy === 'kommune' ? 'surveys.crossTab.noKommune' : 'surveys.crossTab.notAnswered');
    if (shownBy === 'kommune') return kommuner.find((k) => k.id === group.key)?.name ?? group.key;
    return optionLabel(grouping, group.key, lang);
  };

  if (tabulable.length === 0) return null;
  const data = crossTab.data;
  // The question of the table shown: while another is fetched, the table is still the previous one.
  const shown = data ? questions.find((q) => q.key === data.question) : undefined;
  const caption = data
    ? t('surveys.crossTab.caption', {
        question: shown ? surveyText(shown.text, lang) : data.questionText,
        by: byChoices.find((c) => c.value === data.by)?.label ?? data.by,
      })
    : '';
  // Said once the chosen table has arrived (empty while it is fetched, so the same caption again is a change).
  const announcement = chosenByPerson && data && !crossTab.isFetching && !crossTab.isPlaceholderData ? caption : '';

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="md" id={headingId}>
        {t('surveys.crossTab.heading')}
      </Heading>
      <div className="form__row">
        <Field>
          <Label>{t('surveys.crossTab.question')}</Label>
          <Select
            value={question}
            onChange={(e) => {
              setChosenByPerson(true);
              setQuestion(e.target.value);
            }}
          >
            {tabulable.map((q) => (
              <Select.Option key={q.key} value={q.key}>
                {surveyText(q.text, lang)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('surveys.crossTab.by')}</Label>
          <Select
            value={by}
            onChange={(e) => {
              setChosenByPerson(true);
              setBy(e.target.value);
            }}
          >
            {byChoices.map((c) => (
              <Select.Option key={c.value} value={c.value}>
                {c.label}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {announcement}
      </div>
      {crossTab.error ? <ErrorAlert error={crossTab.error} /> : null}
      <div aria-busy={crossTab.isFetching}>
        {data && (
          <>
            <TableScroll>
              <Table border data-size="sm">
                <caption>{caption}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t('surveys.results.columns.option')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="numeric">
                      {t('surveys.crossTab.all')}
                    </Table.HeaderCell>
                    {data.groups.map((group) => (
                      <Table.HeaderCell scope="col" className="numeric" key={group.key ?? 'none'}>
                        {groupName(group)}
                        <span className="cell-note">
                          {group.suppressed || group.n === null
                            ? t('surveys.crossTab.hiddenN')
                            : t('surveys.crossTab.n', { n: format.number(group.n) })}
                        </span>
                      </Table.HeaderCell>
                    ))}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.rows.map((row) => (
                    <Table.Row key={row.option}>
                      <Table.HeaderCell scope="row">{row.label ?? optionLabel(shown, row.option, lang)}</Table.HeaderCell>
                      <Table.Cell className="numeric">{formatShare(row.total.share, row.total.count, lang)}</Table.Cell>
                      {row.cells.map((cell, i) => (
                        <Table.Cell className="numeric" key={data.groups[i]?.key ?? `none-${i}`}>
                          {cell ? (
                            formatShare(cell.share, cell.count, lang)
                          ) : (
                            <>
                              <span aria-hidden="true">{SUPPRESSED}</span>
                              <span className="visually-hidden">{t('surveys.crossTab.hiddenCell')}</span>
                            </>
                          )}
                        </Table.Cell>
                      ))}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
            <Paragraph data-size="sm">{t('surveys.crossTab.note', { n: format.number(data.minGroupSize) })}</Paragraph>
          </>
        )}
      </div>
    </section>
  );
}
