import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { progressErrorMessage } from './progress-text';

/** An error as a danger Alert, with the status-report, comment and notification codes translated. */
export function ProgressError({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" role="alert">
      {title && (
        <Heading level={2} data-size="xs">
          {title}
        </Heading>
      )}
      <Paragraph>{progressErrorMessage(error, t)}</Paragraph>
    </Alert>
  );
}
