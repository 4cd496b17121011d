import { useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { DownloadIcon } from '@navikt/aksel-icons';
import { useTranslation } from 'react-i18next';
import { saveFile, type DownloadedFile } from '../lib/download';
import { ErrorAlert } from './error-alert';
import './download-buttons.css';

export interface DownloadChoice {
  /** Stable key, e.g. 'pdf'. */
  key: string;
  /** The button's text, e.g. "Last ned PDF". */
  label: string;
  /** An accessible name when the text alone is not enough, e.g. "Last ned prosjektplanen som PDF". */
  ariaLabel?: string;
  /** The file's address: what the link offers without script (and to "save link as"). */
  href: string;
  fetchFile: () => Promise<DownloadedFile>;
}

/**
 * Download links that look like buttons. A click fetches the file from the API (with the session) and
 * hands it to the browser's download, so the page can show progress and the server's refusal instead
 * of a broken download; the result is announced in a polite live region. Without script, the link
 * itself downloads the file.
 */
export function DownloadButtons({ label, choices, size = 'sm' }: { label: string; choices: DownloadChoice[]; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function download(choice: DownloadChoice) {
    setPending(choice.key);
    setDone(null);
    setError(null);
    try {
      const file = await choice.fetchFile();
      saveFile(file);
      setDone(t('plans.download.done', { filename: file.filename }));
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  }

  return (
    <div className="download-buttons">
      <div role="group" aria-label={label} className="download-buttons__row">
        {choices.map((choice) => (
          <Button key={choice.key} asChild variant="secondary" data-size={size}>
            <a
              href={choice.href}
              download
              aria-label={choice.ariaLabel}
              aria-disabled={pending !== null ? true : undefined}
              onClick={(event) => {
                event.preventDefault();
                if (pending === null) void download(choice);
              }}
            >
              <DownloadIcon aria-hidden="true" />
              {choice.label}
            </a>
          </Button>
        ))}
      </div>
      <div aria-live="polite" aria-atomic="true" className="download-buttons__status">
        {pending !== null ? t('plans.download.pending') : done}
      </div>
      {error ? <ErrorAlert error={error} title={t('plans.download.failed')} /> : null}
    </div>
  );
}
