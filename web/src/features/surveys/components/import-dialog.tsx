import { useEffect, useId, useRef, useState } from 'react';
import { Alert, Button, Dialog, Field, Heading, Input, Label, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { UploadIcon } from '@navikt/aksel-icons';
import type { Lang, SurveyQuestion } from '@nvr/shared';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error';
import { useFormat } from '../../../lib/format';
import { useApiForm } from '../../../lib/use-api-form';
import { useImportAnswers } from '../api/import-answers';
import type { ImportResult } from '../api/types';
import { columnsOf, IMPORT_FILE, ImportMappingTable, ImportProblemsTable, mappingOf, type ImportValues } from './import-mapping';

const EMPTY: ImportValues = { file: null, byQuestion: {}, kommuneColumn: '' };

/** A file the server cannot read, or one too large, is said at the file. */
const FILE_CODES = { SURVEY_IMPORT_FILE_INVALID: 'file', SURVEY_IMPORT_TOO_LARGE: 'file' } as const;

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
  const [open, setOpen] = useState(false);
  const form = useApiForm<ImportValues>({ defaultValues: EMPTY, codeFields: FILE_CODES });
  const { control } = form;
  const file = useWatch({ control, name: 'file' });
  /** The file's columns (none when they could not be read: then they are typed). */
  const [columns, setColumns] = useState<string[]>([]);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
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
    form.reset(EMPTY);
    setColumns([]);
    setChecked(null);
    setDone(null);
    importer.reset();
  }

  /** A new file: its type is checked at once, its columns read and matched to the questions. */
  async function chooseFile(chosen: File | null) {
    setChecked(null);
    setDone(null);
    setColumns([]);
    form.clearErrors();
    form.setValue('file', chosen);
    form.setValue('byQuestion', {});
    form.setValue('kommuneColumn', '');
    if (!chosen || !(await form.trigger('file'))) return;
    const { columns: found, guess } = await columnsOf(chosen, questions, serverColumns);
    setColumns(found);
    form.setValue('byQuestion', guess.byQuestion);
    form.setValue('kommuneColumn', guess.kommuneColumn);
  }

  /** An XLSX file's columns, as the server's dry run reads them (empty when it does not say; a refusal is shown at the file). */
  async function serverColumns(chosen: File): Promise<string[]> {
    try {
      return (await importer.mutateAsync({ file: chosen, mapping: { columns: {} }, dryRun: true, lang })).columns ?? [];
    } catch (error) {
      form.applyServerErrors(error);
      return [];
    }
  }

  /** Checks the file (dryRun) or imports it; without a file, says so at the file and focuses it. */
  const run = (dryRun: boolean) =>
    form.handleSubmit(async (values) => {
      if (!values.file) return;
      // A check's outcome is emptied first, so that the same outcome twice is announced again.
      if (dryRun) setChecked(null);
      try {
        const result = await importer.mutateAsync({ file: values.file, mapping: mappingOf(values), dryRun, lang });
        if (dryRun) {
          setChecked(result);
          focusId.current = result.problems.length > 0 ? problemsId : checkId;
        } else {
          setDone(result);
          setChecked(null);
          focusId.current = doneId;
        }
      } catch (error) {
        form.applyServerErrors(error);
        // Focus goes back to the button pressed, unless the refusal is the file's (then the file has it).
        if (!form.getFieldState('file').error) focusId.current = dryRun ? checkId : importId;
      }
    })();

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
            <Controller
              control={control}
              name="file"
              rules={{ validate: (f) => (f ? IMPORT_FILE.test(f.name) || t('surveys.import.wrongType') : t('surveys.import.chooseFirst')) }}
              render={({ field, fieldState }) => (
                <Field>
                  <Label>{t('surveys.import.file')}</Label>
                  <Input
                    ref={field.ref}
                    name={field.name}
                    type="file"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-invalid={fieldState.error ? true : undefined}
                    onChange={(e) => void chooseFile(e.target.files?.[0] ?? null)}
                  />
                  {fieldState.error && <ValidationMessage>{fieldState.error.message}</ValidationMessage>}
                </Field>
              )}
            />
            {file && IMPORT_FILE.test(file.name) && (
              <ImportMappingTable control={control} questions={questions} columns={columns} lang={lang} onChange={() => setChecked(null)} />
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
                <ImportProblemsTable problems={checked.problems} />
              </>
            )}
            <FormError message={form.formError} />
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
                    loading={busy}
                    disabled={busy}
                    onClick={() => void run(true)}
                  >
                    {t('surveys.import.check')}
                  </Button>
                  <Button id={importId} type="button" disabled={!ready || busy} onClick={() => void run(false)}>
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
