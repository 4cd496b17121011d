import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from '../locales/nb.bundle';
import { FEATURE_WORDS, type WordFile } from '../locales/words';

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type { WordFile };

export const DEFAULT_LANGUAGE: Language = 'nb';
const STORAGE_KEY = 'nvr.language';

// The first load holds only the core words in bokmål (the default, and the fallback for a missing word);
// nynorsk's and English's core are chunks of their own, fetched when chosen, and each feature's words
// (locales/<feature>.<lang>.json, registered in locales/words.ts) are a chunk per language, fetched with the
// pages that show them. nb is the source of truth: the type check fails when nn or en lack one of its keys.
const CORE: Record<Language, () => Promise<{ default: typeof nb }>> = {
  nb: () => Promise.resolve({ default: nb }),
  nn: () => import('../locales/nn.bundle'),
  en: () => import('../locales/en.bundle'),
};

type Words = WordFile | 'core';

/** What each language has in i18next's store, or is fetching. A failed fetch is forgotten, so the next need tries again. */
const fetched: Record<Language, Map<Words, Promise<void>>> = {
  nb: new Map([['core', Promise.resolve()]]),
  nn: new Map(),
  en: new Map(),
};

/** The feature files of the pages opened so far: a change of language brings them along. */
const needed = new Set<WordFile>();

function fetchWords(language: Language, words: Words): Promise<void> {
  let done = fetched[language].get(words);
  if (!done) {
    const load = words === 'core' ? CORE[language] : FEATURE_WORDS[words][language];
    // One namespace for all: the files' top-level keys do not clash, so a feature's keys need no prefix of their own.
    done = load().then((module) => void i18n.addResourceBundle(language, 'translation', module.default));
    done.catch(() => fetched[language].delete(words));
    fetched[language].set(words, done);
  }
  return done;
}

/** The core and the given feature files in one language, in the store. */
function wordsIn(language: Language, files: Iterable<WordFile>): Promise<unknown> {
  return Promise.all((['core', ...files] as Words[]).map((words) => fetchWords(language, words)));
}

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

/** The language shown, or the one a change is fetching the words of. */
let target: Language = storedLanguage();

/**
 * Fetches the words of the features a page shows before it renders (in the language shown, and in the one a
 * change is heading for); a later change of language brings them along.
 */
export function loadWords(files: readonly WordFile[]): Promise<unknown> {
  for (const file of files) needed.add(file);
  const shown = isLanguage(i18n.language) ? i18n.language : target;
  return Promise.all([...new Set([shown, target])].map((language) => wordsIn(language, files)));
}

/**
 * A route's `lazy` that fetches the page's code and its features' words together, so the page (and any
 * not-found its loader throws) never shows a key: `lazy: withWords(['plans'], () => import('./routes/plan')…)`.
 */
export function withWords<T>(files: readonly WordFile[], load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), loadWords(files)]).then(([route]) => route);
}

/**
 * Changes the language once its words are there: the core and every feature's the pages opened so far need,
 * so the page on screen switches at once, without keys or a mix of languages. Use it, not i18n.changeLanguage().
 * When they cannot be fetched (offline), the language whose words are there stays (bokmål at first).
 */
export async function changeLanguage(language: Language): Promise<void> {
  target = language;
  try {
    await wordsIn(language, needed);
  } catch {
    if (target !== language) return; // a later choice is under way
    target = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
    if (i18n.language !== target) await i18n.changeLanguage(target);
    return;
  }
  // Also when it is the language already (the first load's choice): i18next resolves it anew, its words there.
  if (target === language) await i18n.changeLanguage(language);
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

/** Resolves when the chosen language's words are there: the app renders after it (at once for bokmål). */
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .init({
    resources: { nb: { translation: nb } },
    lng: target,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  })
  .then(() => changeLanguage(target));

document.documentElement.lang = i18n.language;

export { i18n };
