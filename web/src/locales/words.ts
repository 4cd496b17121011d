/**
 * Where the web app's words are loaded from, and when.
 *
 * - The core (`nb.json`, `nn.json`, `en.json`, through `<lang>.bundle.ts`): what the layout, sign-in, the error
 *   page and any error message (`errors.*`) need, and the pages that are not a feature of their own. Bokmål is
 *   in the first load; nynorsk and English are a chunk each, fetched when chosen.
 * - A feature's words (`<feature>.<lang>.json`, top-level keys of their own): registered here, once, with one
 *   line for all three languages; each is a chunk of its own per language. A route names the files its page
 *   needs (`withWords([...])` in app/router.tsx and app/routes/*-routes.ts) and they are fetched, in the
 *   language shown, together with the page's code, before it renders (lib/i18n.ts).
 *
 * t() keys are checked against the core and every file registered here (lib/i18next.d.ts), and nynorsk and
 * English must have every key of bokmål (a type error otherwise).
 */

type Load<T> = () => Promise<{ default: T }>;

/** One feature's words in the three languages; bokmål's keys are the ones nynorsk and English must have. */
function feature<T>(nb: Load<T>, nn: Load<NoInfer<T>>, en: Load<NoInfer<T>>) {
  return { nb, nn, en };
}

export const FEATURE_WORDS = {
  account: feature(
    () => import('./account.nb.json'),
    () => import('./account.nn.json'),
    () => import('./account.en.json'),
  ),
  projects: feature(
    () => import('./projects.nb.json'),
    () => import('./projects.nn.json'),
    () => import('./projects.en.json'),
  ),
  deliverables: feature(
    () => import('./deliverables.nb.json'),
    () => import('./deliverables.nn.json'),
    () => import('./deliverables.en.json'),
  ),
  files: feature(
    () => import('./files.nb.json'),
    () => import('./files.nn.json'),
    () => import('./files.en.json'),
  ),
  regions: feature(
    () => import('./regions.nb.json'),
    () => import('./regions.nn.json'),
    () => import('./regions.en.json'),
  ),
  users: feature(
    () => import('./users.nb.json'),
    () => import('./users.nn.json'),
    () => import('./users.en.json'),
  ),
  invitations: feature(
    () => import('./invitations.nb.json'),
    () => import('./invitations.nn.json'),
    () => import('./invitations.en.json'),
  ),
  plans: feature(
    () => import('./plans.nb.json'),
    () => import('./plans.nn.json'),
    () => import('./plans.en.json'),
  ),
  progress: feature(
    () => import('./progress.nb.json'),
    () => import('./progress.nn.json'),
    () => import('./progress.en.json'),
  ),
  gates: feature(
    () => import('./gates.nb.json'),
    () => import('./gates.nn.json'),
    () => import('./gates.en.json'),
  ),
  inbox: feature(
    () => import('./inbox.nb.json'),
    () => import('./inbox.nn.json'),
    () => import('./inbox.en.json'),
  ),
  caseroute: feature(
    () => import('./caseroute.nb.json'),
    () => import('./caseroute.nn.json'),
    () => import('./caseroute.en.json'),
  ),
  phases: feature(
    () => import('./phases.nb.json'),
    () => import('./phases.nn.json'),
    () => import('./phases.en.json'),
  ),
  surveys: feature(
    () => import('./surveys.nb.json'),
    () => import('./surveys.nn.json'),
    () => import('./surveys.en.json'),
  ),
  needs: feature(
    () => import('./needs.nb.json'),
    () => import('./needs.nn.json'),
    () => import('./needs.en.json'),
  ),
  recommendations: feature(
    () => import('./recommendations.nb.json'),
    () => import('./recommendations.nn.json'),
    () => import('./recommendations.en.json'),
  ),
  risks: feature(
    () => import('./risks.nb.json'),
    () => import('./risks.nn.json'),
    () => import('./risks.en.json'),
  ),
  benefits: feature(
    () => import('./benefits.nb.json'),
    () => import('./benefits.nn.json'),
    () => import('./benefits.en.json'),
  ),
  closing: feature(
    () => import('./closing.nb.json'),
    () => import('./closing.nn.json'),
    () => import('./closing.en.json'),
  ),
};

/** A feature word file, by the name it is registered under. */
export type WordFile = keyof typeof FEATURE_WORDS;

type Bokmaal<F extends WordFile> = Awaited<ReturnType<(typeof FEATURE_WORDS)[F]['nb']>>['default'];
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every feature's bokmål words as one object type (their top-level keys do not clash). */
export type FeatureWords = Intersection<{ [F in WordFile]: Bokmaal<F> }[WordFile]>;
