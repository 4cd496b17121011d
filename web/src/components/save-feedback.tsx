import type { ReactNode } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';
import { isApiError } from '../lib/api-error';
import { errorMessage } from '../lib/error-message';

/**
 * What a form that saves with a `version` says after saving: that it was reloaded with the newest
 * data, that someone else saved first (with a reload button, nothing overwritten), or another error.
 */
export function SaveFeedback({
  reloaded,
  conflict,
  onReload,
  error,
  conflictTitle,
  conflictBody,
}: {
  reloaded: boolean;
  conflict: boolean;
  onReload: () => void;
  /** An error to show when there is no conflict (a VERSION_CONFLICT error gives the conflict's versions); null when the form shows it beside a field. */
  error: unknown;
  conflictTitle?: ReactNode;
  conflictBody?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div aria-live="polite">
        {reloaded && (
          <Alert data-color="info">
            <Paragraph>{t('common.reloadedForm')}</Paragraph>
          </Alert>
        )}
      </div>
      {conflict ? (
        <Alert data-color="warning" role="alert">
          {conflictTitle && (
            <Heading level={3} data-size="xs">
              {conflictTitle}
            </Heading>
          )}
          <Paragraph>
            {conflictBody ?? (isApiError(error, 'VERSION_CONFLICT') ? errorMessage(error, t) : t('errors.VERSION_CONFLICT_general'))}
          </Paragraph>
          <Button variant="secondary" onClick={onReload}>
            {t('common.reload')}
          </Button>
        </Alert>
      ) : (
        error != null && <ErrorAlert error={error} />
      )}
    </>
  );
}
