import 'i18next';
import type nb from '../locales/nb.json';
import type plansNb from '../locales/plans.nb.json';
import type progressNb from '../locales/progress.nb.json';

// Typed translation keys: t('regions.list.title') is checked against the bokmål file.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nb & typeof plansNb & typeof progressNb };
    returnNull: false;
  }
}
