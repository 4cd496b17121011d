import 'i18next';
import type nb from '../locales/nb.bundle';
import type { FeatureWords } from '../locales/words';

// Typed translation keys: t('regions.list.title') is checked against the bokmål words, the core and every
// feature's file registered in locales/words.ts (loaded with the pages that need them, into the same namespace).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof nb & FeatureWords;
    };
    returnNull: false;
  }
}
