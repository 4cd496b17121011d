import 'i18next';
import type nb from '../locales/nb.json';
import type plansNb from '../locales/plans.nb.json';
import type progressNb from '../locales/progress.nb.json';
import type gatesNb from '../locales/gates.nb.json';
import type inboxNb from '../locales/inbox.nb.json';
import type caseRouteNb from '../locales/caseroute.nb.json';
import type phasesNb from '../locales/phases.nb.json';
import type surveysNb from '../locales/surveys.nb.json';
import type needsNb from '../locales/needs.nb.json';
import type recommendationsNb from '../locales/recommendations.nb.json';

// Typed translation keys: t('regions.list.title') is checked against the bokmål file.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: {
      translation: typeof nb &
        typeof plansNb &
        typeof progressNb &
        typeof gatesNb &
        typeof inboxNb &
        typeof caseRouteNb &
        typeof phasesNb &
        typeof surveysNb &
        typeof needsNb &
        typeof recommendationsNb;
    };
    returnNull: false;
  }
}
