import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../locales/nb.json';
import nn from '../locales/nn.json';
import en from '../locales/en.json';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'nb';
const STORAGE_KEY = 'nvr.language';

// nb is the source of truth; `satisfies` makes the build fail when nn or en lacks a key.
export const resources = {
  nb: { translation: nb },
  nn: { translation: nn satisfies typeof nb },
  en: { translation: en satisfies typeof nb },
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
