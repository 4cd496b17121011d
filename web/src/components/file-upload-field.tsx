import { useRef, useState } from 'react';
import { Button, Field, Input, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';
import { isApiError } from '../lib/api-error';
import { fileKindOfName, MAX_UPLOAD_BYTES, uploadAccept, uploadAllows, type UploadPurpose } from '@nvr/shared';

function clientProblem(file: File, purpose: UploadPurpose): 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TOO_LARGE' | null {
  if (!uploadAllows(purpose, fileKindOfName(file.name))) return 'FILE_TYPE_NOT_ALLOWED';
  if (file.size > MAX_UPLOAD_BYTES) return 'FILE_TOO_LARGE';
  return null;
}

/**
 * Chooses one file of the kinds the purpose allows (PDF, Word, Excel or PowerPoint; on a deliverable also CSV) and uploads it with an explicit button. Type and size are checked
 * before anything is sent; the server checks the content again and its refusal is shown at the field.
 */
export function FileUploadField({
  label,
  description,
  submitLabel,
  pending,
  error,
  onUpload,
  purpose = 'document',
}: {
  label: string;
  description?: string;
  submitLabel: string;
  pending: boolean;
  /** The upload mutation's error, if any. */
  error: unknown;
  /** Starts the upload; resolve when done so the field can be cleared. */
  onUpload: (file: File) => Promise<unknown>;
  /** Which kinds of file the server takes here (shared/src/files.ts). */
  purpose?: UploadPurpose;
}) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);

  const fileError =
    clientError ??
    (isApiError(error, 'FILE_TYPE_NOT_ALLOWED')
      ? t(`files.typeNotAllowed.${purpose}`)
      : isApiError(error, 'FILE_TOO_LARGE')
        ? t('errors.FILE_TOO_LARGE')
        : null);
  const otherError = error && !fileError && !clientError ? error : null;

  async function upload() {
    if (!file) {
      setClientError(t('files.chooseFirst'));
      inputRef.current?.focus();
      return;
    }
    const problem = clientProblem(file, purpose);
    if (problem) {
      setClientError(problem === 'FILE_TYPE_NOT_ALLOWED' ? t(`files.typeNotAllowed.${purpose}`) : t(`errors.${problem}`));
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
          accept={uploadAccept(purpose)}
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
