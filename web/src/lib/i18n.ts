import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../locales/nb.bundle';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'nb';
const STORAGE_KEY = 'nvr.language';

// Bokmål is in the main bundle (the default, and the fallback for a missing word); nynorsk and English
// are chunks of their own, fetched when chosen, so nobody downloads the words of three languages.
// Features keep their strings in their own files (locales/<feature>.<lang>.json), merged in
// locales/<lang>.bundle.ts; nb is the source of truth, and the nn and en bundles fail to build when
// they lack a key.
const LOADERS: Record<Exclude<Language, 'nb'>, () => Promise<{ default: typeof nb }>> = {
  nn: () => import('../locales/nn.bundle'),
  en: () => import('../locales/en.bundle'),
};

const lazyLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language === 'nb') return callback(null, nb);
    const load = language === 'nn' || language === 'en' ? LOADERS[language] : undefined;
    if (!load) return callback(null, {});
    load().then(
      (bundle) => callback(null, bundle.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

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

/** Resolves when the chosen language's words are loaded: the app renders after it (at once for bokmål). */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources: { nb: { translation: nb } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  })
  // A chunk that cannot be fetched (offline) leaves the app in bokmål rather than blank.
  .catch(() => i18n.changeLanguage(DEFAULT_LANGUAGE));

document.documentElement.lang = i18n.language;

export { i18n };
