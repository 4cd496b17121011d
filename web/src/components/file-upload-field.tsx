import { useRef, useState } from 'react';
import { Button, Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';
import { isApiError } from '../lib/api-error';

/** What the server accepts (server/src/files/file-validation.ts): PDF or Word (.docx), at most 10 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function clientProblem(file: File): 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TOO_LARGE' | null {
  if (!/\.(pdf|docx)$/i.test(file.name)) return 'FILE_TYPE_NOT_ALLOWED';
  if (file.size > MAX_UPLOAD_BYTES) return 'FILE_TOO_LARGE';
  return null;
}

/**
 * Chooses one PDF or Word file and uploads it with an explicit button. Type and size are checked
 * before anything is sent; the server checks the content again and its refusal is shown at the field.
 */
export function FileUploadField({
  label,
  description,
  submitLabel,
  pending,
  error,
  onUpload,
}: {
  label: string;
  description?: string;
  submitLabel: string;
  pending: boolean;
  /** The upload mutation's error, if any. */
  error: unknown;
  /** Starts the upload; resolve when done so the field can be cleared. */
  onUpload: (file: File) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);

  const fileError =
    clientError ??
    (isApiError(error, 'FILE_TYPE_NOT_ALLOWED') || isApiError(error, 'FILE_TOO_LARGE')
      ? t(`errors.${error.code as 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TOO_LARGE'}`)
      : null);
  const otherError = error && !fileError && !clientError ? error : null;

  async function upload() {
    if (!file) {
      setClientError(t('files.chooseFirst'));
      inputRef.current?.focus();
      return;
    }
    const problem = clientProblem(file);
    if (problem) {
      setClientError(t(`errors.${problem}`));
      inputRef.current?.focus();
      return;
    }
    setClientError(null);
    try {
      await onUpload(file);
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
    } catch {
      // The mutation's error is shown through `error`.
    }
  }

  return (
    <div className="form form--inline">
      <Field>
        <Label>{label}</Label>
        {description && <Field.Description>{description}</Field.Description>}
        <Input
          ref={inputRef}
          type="file"
          accept={ACCEPT}
          aria-invalid={fileError ? true : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setClientError(null);
          }}
        />
        {fileError && <ValidationMessage>{fileError}</ValidationMessage>}
      </Field>
      {otherError ? <ErrorAlert error={otherError} /> : null}
      <div className="form__actions">
        <Button type="button" variant="secondary" onClick={() => void upload()} loading={pending} disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}
