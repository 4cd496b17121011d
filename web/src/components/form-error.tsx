import { Alert, List, Paragraph } from '@digdir/designsystemet-react';

/**
 * A form-level error (a refusal that belongs to no field) as a danger Alert; role="alert" makes
 * screen readers announce it when it appears. Renders nothing without a message.
 */
export function FormError({ message, details = [] }: { message: string | undefined; details?: string[] }) {
  if (!message) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{message}</Paragraph>
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
