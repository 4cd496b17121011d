import 'i18next';
import type nb from '../locales/nb.bundle';

// Typed translation keys: t('regions.list.title') is checked against the bokmål words (every feature's file).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof nb;
    };
    returnNull: false;
  }
}
