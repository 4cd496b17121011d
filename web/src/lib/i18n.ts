import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../locales/nb.json';
import nn from '../locales/nn.json';
import en from '../locales/en.json';
import plansNb from '../locales/plans.nb.json';
import plansNn from '../locales/plans.nn.json';
import plansEn from '../locales/plans.en.json';
import progressNb from '../locales/progress.nb.json';
import progressNn from '../locales/progress.nn.json';
import progressEn from '../locales/progress.en.json';
import gatesNb from '../locales/gates.nb.json';
import gatesNn from '../locales/gates.nn.json';
import gatesEn from '../locales/gates.en.json';
import inboxNb from '../locales/inbox.nb.json';
import inboxNn from '../locales/inbox.nn.json';
import inboxEn from '../locales/inbox.en.json';
import caseRouteNb from '../locales/caseroute.nb.json';
import caseRouteNn from '../locales/caseroute.nn.json';
import caseRouteEn from '../locales/caseroute.en.json';
import phasesNb from '../locales/phases.nb.json';
import phasesNn from '../locales/phases.nn.json';
import phasesEn from '../locales/phases.en.json';
import surveysNb from '../locales/surveys.nb.json';
import surveysNn from '../locales/surveys.nn.json';
import surveysEn from '../locales/surveys.en.json';
import needsNb from '../locales/needs.nb.json';
import needsNn from '../locales/needs.nn.json';
import needsEn from '../locales/needs.en.json';
import recommendationsNb from '../locales/recommendations.nb.json';
import recommendationsNn from '../locales/recommendations.nn.json';
import recommendationsEn from '../locales/recommendations.en.json';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'nb';
const STORAGE_KEY = 'nvr.language';

// nb is the source of truth; `satisfies` makes the build fail when nn or en lacks a key.
// Features keep their strings in their own files: plans.*, progress.*, gates.*, inbox.*, caseroute.*, phases.*, surveys.*, needs.* (conversations and the needs overview), recommendations.*.
// Each file's top-level keys must not clash with another's.
export const resources = {
  nb: {
    translation: {
      ...nb,
      ...plansNb,
      ...progressNb,
      ...gatesNb,
      ...inboxNb,
      ...caseRouteNb,
      ...phasesNb,
      ...surveysNb,
      ...needsNb,
      ...recommendationsNb,
    },
  },
  nn: {
    translation: {
      ...(nn satisfies typeof nb),
      ...(plansNn satisfies typeof plansNb),
      ...(progressNn satisfies typeof progressNb),
      ...(gatesNn satisfies typeof gatesNb),
      ...(inboxNn satisfies typeof inboxNb),
      ...(caseRouteNn satisfies typeof caseRouteNb),
      ...(phasesNn satisfies typeof phasesNb),
      ...(surveysNn satisfies typeof surveysNb),
      ...(needsNn satisfies typeof needsNb),
      ...(recommendationsNn satisfies typeof recommendationsNb),
    },
  },
  en: {
    translation: {
      ...(en satisfies typeof nb),
      ...(plansEn satisfies typeof plansNb),
      ...(progressEn satisfies typeof progressNb),
      ...(gatesEn satisfies typeof gatesNb),
      ...(inboxEn satisfies typeof inboxNb),
      ...(caseRouteEn satisfies typeof caseRouteNb),
      ...(phasesEn satisfies typeof phasesNb),
      ...(surveysEn satisfies typeof surveysNb),
      ...(needsEn satisfies typeof needsNb),
      ...(recommendationsEn satisfies typeof recommendationsNb),
    },
  },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function reflectLanguage(language: string) {
  const lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
  document.documentElement.lang = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

i18n.on('languageChanged', reflectLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  returnNull: false,
});

document.documentElement.lang = i18n.language;

export { i18n };
