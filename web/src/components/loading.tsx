import { Spinner } from '@digdir/designsystemet-react';

/** A spinner whose label (e.g. "Laster regioner …") is its accessible name, in a status region. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <Spinner aria-label={label} data-size="md" />
    </div>
  );
}
