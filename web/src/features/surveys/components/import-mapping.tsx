import { Input, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { surveyText, type Lang, type SurveyQuestion } from '@nvr/shared';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, ImportResult } from '../api/types';
import { csvHeaders, firstLineOf, isCsv } from './import-columns';
import { TableScroll } from '../../../components/table-scroll';

/** The import form: the file, and which of its columns answers each question (by key) and names the kommune. */
export interface ImportValues {
  file: File | null;
  byQuestion: Record<string, string>;
  kommuneColumn: string;
}

/** The file types the import reads. */
export const IMPORT_FILE = /\.(csv|xlsx)$/i;

/** The mapping the server takes: column → question key, and the kommune's column. */
export function mappingOf({ byQuestion, kommuneColumn }: ImportValues): ImportMapping {
  const out: ImportMapping = { columns: {} };
  for (const [question, column] of Object.entries(byQuestion)) if (column) out.columns[column] = question;
  if (kommuneColumn) out.kommuneColumn = kommuneColumn;
  return out;
}

/**
 * A file's columns: a CSV's first line is read here, an XLSX's by the server's dry run (`readXlsx`).
 * A column named like a question's key or its bokmål text is chosen for it, one named "kommune" for the kommune.
 */
export async function columnsOf(
  file: File,
  questions: readonly SurveyQuestion[],
  readXlsx: (file: File) => Promise<string[]>,
): Promise<{ columns: string[]; guess: Pick<ImportValues, 'byQuestion' | 'kommuneColumn'> }> {
  const columns = isCsv(file) ? csvHeaders(await firstLineOf(file)) : await readXlsx(file);
  const named = (...names: string[]) => columns.find((h) => names.includes(h.toLowerCase())) ?? '';
  const byQuestion = Object.fromEntries(questions.map((q) => [q.key, named(q.key, q.text.nb.toLowerCase())]));
  return { columns, guess: { byQuestion, kommuneColumn: named('kommune') } };
}

/** The table that maps the file's columns to the questions and the kommune; any choice takes back a check's outcome. */
export function ImportMappingTable({
  control,
  questions,
  columns,
  lang,
  onChange,
}: {
  control: Control<ImportValues>;
  questions: readonly SurveyQuestion[];
  columns: string[];
  lang: Lang;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const choice = (label: string, name: `byQuestion.${string}` | 'kommuneColumn') => (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <ColumnChoice
          label={label}
          columns={columns}
          value={field.value ?? ''}
          onChange={(column) => {
            field.onChange(column);
            onChange();
          }}
        />
      )}
    />
  );
  return (
    <>
      {columns.length === 0 && <Paragraph data-size="sm">{t('surveys.import.noColumns')}</Paragraph>}
      <TableScroll>
        <Table border data-size="sm">
          <caption>{t('surveys.import.mappingCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('surveys.import.question')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('surveys.import.column')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {questions.map((q) => {
              const text = surveyText(q.text, lang);
              return (
                <Table.Row key={q.key}>
                  <Table.HeaderCell scope="row">{text}</Table.HeaderCell>
                  <Table.Cell>{choice(t('surveys.import.columnFor', { question: text }), `byQuestion.${q.key}`)}</Table.Cell>
                </Table.Row>
              );
            })}
            <Table.Row>
              <Table.HeaderCell scope="row">{t('surveys.import.kommune')}</Table.HeaderCell>
              <Table.Cell>{choice(t('surveys.import.kommuneColumn'), 'kommuneColumn')}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </TableScroll>
    </>
  );
}

/** Which column of the file answers one question: a list of the file's columns, or typed when they are not known. */
function ColumnChoice({
  label,
  columns,
  value,
  onChange,
}: {
  label: string;
  columns: string[];
  value: string;
  onChange: (column: string) => void;
}) {
  const { t } = useTranslation();
  if (columns.length === 0) {
    return <Input aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />;
  }
  return (
    <Select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <Select.Option value="">{t('surveys.import.notInFile')}</Select.Option>
      {columns.map((c) => (
        <Select.Option key={c} value={c}>
          {c}
        </Select.Option>
      ))}
    </Select>
  );
}

/** The rows of a check that do not fit, each with its column and the reason. */
export function ImportProblemsTable({ problems }: { problems: ImportResult['problems'] }) {
  const { t } = useTranslation();
  return (
    <TableScroll className="survey-import__problems">
      <Table border data-size="sm">
        <caption>{t('surveys.import.problemsCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col" className="numeric">
              {t('surveys.import.row')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('surveys.import.column')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('surveys.import.reason')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {problems.map((p, i) => (
            <Table.Row key={`${p.row}-${p.column}-${i}`}>
              <Table.Cell className="numeric">{p.row}</Table.Cell>
              <Table.Cell>{p.column}</Table.Cell>
              <Table.Cell>{p.message}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
