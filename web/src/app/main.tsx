import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app.css';
import { i18nReady } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

// The chosen language's words first (already there for bokmål; one small chunk for nynorsk or English).
void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProvider>
    </StrictMode>,
  ),
);

// Designsystemet's web components and polyfills (ds-field, tabs, suggestion, dialog and invoker helpers): the pages
// whose components need them import them; everyone gets them once the first page has loaded, off its critical path.
const unsubscribe = router.subscribe((state) => {
  if (!state.initialized || state.navigation.state !== 'idle') return;
  unsubscribe();
  void import('@digdir/designsystemet-web');
});
