import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/** Retries only what may succeed on a second try: network failures and 5xx, never a 4xx refusal. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30 * 1000,
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
