import { ApiError } from './api-error';

/** A file fetched from the API, ready to be saved by the browser. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** The file name in a Content-Disposition header (RFC 6266: filename* in UTF-8 wins over filename). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Turns an openapi-fetch result read with `parseAs: 'blob'` into a file, or throws the ApiError. */
export function downloadedFile(result: { data?: unknown; error?: unknown; response: Response }, fallbackName: string): DownloadedFile {
  if (!result.response.ok || !(result.data instanceof Blob)) {
    throw ApiError.fromResponse(result.response, result.error);
  }
  return { blob: result.data, filename: filenameFromDisposition(result.response.headers.get('Content-Disposition'), fallbackName) };
}

/** Hands a fetched file to the browser's download (a temporary object URL on an <a download>). */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.filename;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser time to start reading the blob before it is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** An API address for a plain link (same base as the API client): apiUrl('/api/x', { format: 'pdf' }). */
export function apiUrl(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const search = params.toString();
  return `${import.meta.env.VITE_API_BASE_URL ?? ''}${path}${search ? `?${search}` : ''}`;
}
