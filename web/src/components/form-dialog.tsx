import { useId, type FormEventHandler, type ReactNode } from 'react';
import { Button, Dialog, Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FormError } from './form-error';
import { SaveFeedback } from './save-feedback';

/**
 * The one dialog shell of the app's forms: a modal Designsystemet Dialog named by its heading, a
 * form (no browser validation; the form's own messages are tied to the fields), the form-level error,
 * and submit and cancel buttons; submit shows progress while the request runs.
 */
export function FormDialog({
  open,
  onClose,
  title,
  onSubmit,
  onConfirm,
  pending = false,
  submitLabel,
  formError,
  formErrorCode,
  reload,
  feedback,
  submitColor,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Submits the dialog's form. Leave out for a plain confirmation, and give onConfirm instead. */
  onSubmit?: FormEventHandler<HTMLFormElement>;
  /** A confirmation without a form of its own (e.g. when the dialog sits inside another form). */
  onConfirm?: () => void;
  pending?: boolean;
  /** The submit button's text; "Lagre" when not given. */
  submitLabel?: string;
  /** A translated form-level error (e.g. from useApiForm's formError). */
  formError?: string;
  /** The form-level error's code; VERSION_CONFLICT offers `reload` instead of the message. */
  formErrorCode?: string;
  /** For forms that save with a version: reload the newest data after a conflict, and say it was reloaded. */
  reload?: { onReload: () => void; reloaded: boolean };
  /** Other feedback shown above the buttons instead of the plain error (e.g. SaveFeedback's reload offer). */
  feedback?: ReactNode;
  /** e.g. "danger" for a destructive confirmation. */
  submitColor?: 'danger';
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const body = (
    <>
      {children}
      {reload && (
        <SaveFeedback
          reloaded={reload.reloaded}
          conflict={formErrorCode === 'VERSION_CONFLICT'}
          onReload={reload.onReload}
          error={null}
          conflictBody={formErrorCode === 'VERSION_CONFLICT' ? formError : undefined}
        />
      )}
      {feedback ?? (reload && formErrorCode === 'VERSION_CONFLICT' ? null : <FormError message={formError} />)}
      <div className="form__actions">
        <Button
          type={onSubmit ? 'submit' : 'button'}
          onClick={onSubmit ? undefined : onConfirm}
          data-color={submitColor}
          loading={pending}
          disabled={pending}
        >
          {submitLabel ?? t('common.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
      </div>
    </>
  );
  return (
    <Dialog open={open} onClose={onClose} closeButton={t('common.closeDialog')} aria-labelledby={titleId}>
      <Dialog.Block>
        <Heading level={2} data-size="sm" id={titleId}>
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {onSubmit ? (
          <form className="form" onSubmit={onSubmit} noValidate>
            {body}
          </form>
        ) : (
          <div className="form">{body}</div>
        )}
      </Dialog.Block>
    </Dialog>
  );
}
