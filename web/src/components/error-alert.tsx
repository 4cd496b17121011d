import { Alert, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';

/**
 * An error from a query or mutation shown as a danger Alert: a known code translated, otherwise
 * the server's message. role="alert" makes screen readers announce it when it appears.
 */
export function ErrorAlert({
  error,
  title,
  details = [],
}: {
  error: unknown;
  /** Optional heading (rendered as h2) above the message. */
  title?: string;
  /** Extra lines, e.g. server field errors that belong to no visible field. */
  details?: string[];
}) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" role="alert">
      {title && (
        <Heading level={2} data-size="xs">
          {title}
        </Heading>
      )}
      <Paragraph>{errorMessage(error, t)}</Paragraph>
      {details.length > 0 && (
        <List.Unordered>
          {details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List.Unordered>
      )}
    </Alert>
  );
}
