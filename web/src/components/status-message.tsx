import { Alert, Paragraph } from '@digdir/designsystemet-react';

/**
 * A polite live region that is always in the page, so that a success message put into it is
 * announced by screen readers. Renders nothing visible while the message is empty.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {message && (
        <Alert data-color="success">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
