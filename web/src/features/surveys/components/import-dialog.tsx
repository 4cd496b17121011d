import { useEffect, useId, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { UploadIcon } from '@navikt/aksel-icons';
import { surveyText, type Lang, type SurveyQuestion } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/format';
import { useImportAnswers } from '../api/import-answers';
import type { ImportMapping, ImportResult } from '../api/types';
import { csvHeaders, firstLineOf, isCsv } from './import-columns';

/**
 * Imports answers from a CSV or XLSX export (Questback, Nettskjema): choose the file, say which column
 * answers which question, check it (every row that does not fit is listed with the reason), then import
 * all rows or none.
 */
export function ImportDialog({
  projectId,
  surveyId,
  questions,
}: {
  projectId: string;
  surveyId: string;
  questions: readonly SurveyQuestion[];
}) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? 'nb') as Lang;
  const titleId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [byQuestion, setByQuestion] = useState<Record<string, string>>({});
  const [kommuneColumn, setKommuneColumn] = useState('');
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const importer = useImportAnswers(projectId, surveyId);
  const format = useFormat();
  /** The element to focus once the dialog shows a check's or an import's outcome (see the effect below). */
  const focusId = useRef<string | null>(null);
  const checkId = `${titleId}-check`;
  const importId = `${titleId}-import`;
  const problemsId = `${titleId}-problems`;
  const doneId = `${titleId}-done`;

  // The buttons are disabled while a request runs, which takes focus from the one pressed: after a check,
  // focus goes to the warning when rows do not fit (the list of them follows it) or back to "Kontroller
  // filen"; after the import, to the message saying how many were imported ("Importer alle" is replaced
  // by "Lukk"); after an error, back to the button pressed. Runs after every render, but not while a
  // request runs (the buttons are still disabled).
  const busy = importer.isPending;
  useEffect(() => {
    if (!focusId.current || busy) return;
    document.getElementById(focusId.current)?.focus();
    focusId.current = null;
  });

  /** Options for a counted phrase: the plural form from the number, the number written the language's way. */
  const counted = (count: number, others: Record<string, string> = {}) => ({
    count,
    replace: { ...others, count: format.number(count) },
  });

  function reset() {
    setFile(null);
    setColumns([]);
    setByQuestion({});
    setKommuneColumn('');
    setChecked(null);
    setDone(null);
    setFileError(null);
    importer.reset();
  }

  function mapping(): ImportMapping {
    const out: ImportMapping = { columns: {} };
    for (const [question, column] of Object.entries(byQuestion)) if (column) out.columns[column] = question;
    if (kommuneColumn) out.kommuneColumn = kommuneColumn;
    return out;
  }

  async function chooseFile(chosen: File | null) {
    setChecked(null);
    setDone(null);
    setFileError(null);
    setFile(chosen);
    setColumns([]);
    if (!chosen) return;
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) {
      setFileError(t('surveys.import.wrongType'));
      return;
    }
    const headers = isCsv(chosen) ? csvHeaders(await firstLineOf(chosen)) : await serverColumns(chosen);
    setColumns(headers);
    // A column named like a question's key or its bokmål text is chosen for it.
    const guess: Record<string, string> = {};
    for (const q of questions) {
      const hit = headers.find((h) => h.toLowerCase() === q.key || h.toLowerCase() === q.text.nb.toLowerCase());
      if (hit) guess[q.key] = hit;
    }
    setByQuestion(guess);
    setKommuneColumn(headers.find((h) => h.toLowerCase() === 'kommune') ?? '');
  }

  /** An XLSX file's columns, as the server's dry run reads them (empty when it does not say). */
  async function serverColumns(chosen: File): Promise<string[]> {
    try {
      return (await importer.mutateAsync({ file: chosen, mapping: { columns: {} }, dryRun: true, lang })).columns ?? [];
    } catch {
      return [];
    }
  }

  async function run(dryRun: boolean) {
    if (!file) {
      setFileError(t('surveys.import.chooseFirst'));
      fileRef.current?.focus();
      return;
    }
    // A check's outcome is emptied first, so that the same outcome twice is announced again.
    if (dryRun) setChecked(null);
    try {
      const result = await importer.mutateAsync({ file, mapping: mapping(), dryRun, lang });
      if (dryRun) {
        setChecked(result);
        focusId.current = result.problems.length > 0 ? problemsId : checkId;
      } else {
        setDone(result);
        setChecked(null);
        focusId.current = doneId;
      }
    } catch {
      // shown below from importer.error
      focusId.current = dryRun ? checkId : importId;
    }
  }

  const ready = checked !== null && checked.problems.length === 0 && checked.rows > 0;

  return (
    <>
      <Button
        type="button"
        variant="secondary"
        onClick={() => {
          reset();
          setOpen(true);
        }}
      >
        <UploadIcon aria-hidden="true" />
        {t('surveys.import.open')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={t('common.closeDialog')}
        aria-labelledby={titleId}
        className="survey-import"
      >
        <Dialog.Block>
          <Heading level={2} data-size="sm" id={titleId}>
            {t('surveys.import.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <div className="form">
            <Paragraph data-size="sm">{t('surveys.import.intro')}</Paragraph>
            <Field>
              <Label>{t('surveys.import.file')}</Label>
              <Input
                ref={fileRef}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-invalid={fileError ? true : undefined}
                onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
              />
              {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
            </Field>
            {file && !fileError && (
              <>
                {columns.length === 0 && <Paragraph data-size="sm">{t('surveys.import.noColumns')}</Paragraph>}
                <div className="table-scroll">
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
                            <Table.Cell>
                              <ColumnChoice
                                label={t('surveys.import.columnFor', { question: text })}
                                columns={columns}
                                value={byQuestion[q.key] ?? ''}
                                onChange={(column) => {
                                  setChecked(null);
                                  setByQuestion((m) => ({ ...m, [q.key]: column }));
                                }}
                              />
                            </Table.Cell>
                          </Table.Row>
                        );
                      })}
                      <Table.Row>
                        <Table.HeaderCell scope="row">{t('surveys.import.kommune')}</Table.HeaderCell>
                        <Table.Cell>
                          <ColumnChoice
                            label={t('surveys.import.kommuneColumn')}
                            columns={columns}
                            value={kommuneColumn}
                            onChange={(column) => {
                              setChecked(null);
                              setKommuneColumn(column);
                            }}
                          />
                        </Table.Cell>
                      </Table.Row>
                    </Table.Body>
                  </Table>
                </div>
              </>
            )}
            <div aria-live="polite">
              {checked && checked.problems.length === 0 && (
                <Alert data-color="success">
                  <Paragraph>{t('surveys.import.checkedOk', counted(checked.rows))}</Paragraph>
                </Alert>
              )}
            </div>
            {/* These two take focus when they appear (which makes screen readers read them), so they are not live regions. */}
            {done && (
              <Alert data-color="success" id={doneId} tabIndex={-1}>
                <Paragraph>{t('surveys.import.imported', counted(done.imported))}</Paragraph>
              </Alert>
            )}
            {checked && checked.problems.length > 0 && (
              <>
                <Alert data-color="warning" id={problemsId} tabIndex={-1}>
                  <Paragraph>
                    {t('surveys.import.problems', counted(checked.problems.length, { rows: format.number(checked.rows) }))}
                  </Paragraph>
                </Alert>
                <div className="table-scroll survey-import__problems">
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
                      {checked.problems.map((p, i) => (
                        <Table.Row key={`${p.row}-${p.column}-${i}`}>
                          <Table.Cell className="numeric">{p.row}</Table.Cell>
                          <Table.Cell>{p.column}</Table.Cell>
                          <Table.Cell>{p.message}</Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </div>
              </>
            )}
            {importer.error ? <ErrorAlert error={importer.error} /> : null}
            <div className="form__actions">
              {done ? (
                <Button type="button" onClick={() => setOpen(false)}>
                  {t('surveys.import.close')}
                </Button>
              ) : (
                <>
                  <Button
                    id={checkId}
                    type="button"
                    variant={ready ? 'secondary' : 'primary'}
                    loading={importer.isPending}
                    disabled={importer.isPending}
                    onClick={() => void run(true)}
                  >
                    {t('surveys.import.check')}
                  </Button>
                  <Button id={importId} type="button" disabled={!ready || importer.isPending} onClick={() => void run(false)}>
                    {t('surveys.import.importAll')}
                  </Button>
                  <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
                    {t('common.cancel')}
                  </Button>
                </>
              )}
            </div>
          </div>
        </Dialog.Block>
      </Dialog>
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
