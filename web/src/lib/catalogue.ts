import { PHASES, phaseSpec, type DeliverableSpec, type Lang, type PhaseKey, type Text } from '@nvr/shared';
import { useTranslation } from 'react-i18next';
import { isLanguage } from './i18n';

/** The catalogue entry of a deliverable by its key (keys are unique across the three phases). */
export function deliverableSpec(key: string | null | undefined): (DeliverableSpec & { phaseKey: PhaseKey }) | undefined {
  if (!key) return undefined;
  for (const phase of PHASES) {
    const spec = phase.deliverables.find((d) => d.key === key);
    if (spec) return { ...spec, phaseKey: phase.key };
  }
  return undefined;
}

/** Sorts a phase's deliverables in catalogue order; the project's own (key null) come last, by title. */
export function inCatalogueOrder<T extends { key: string | null; title: string }>(phaseKey: PhaseKey, deliverables: readonly T[]): T[] {
  const order = phaseSpec(phaseKey).deliverables.map((d) => d.key);
  const rank = (d: T) => {
    const i = d.key ? order.indexOf(d.key) : -1;
    return i === -1 ? order.length : i;
  };
  return [...deliverables].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'nb'));
}

/**
 * The PLP catalogue (shared/src/plp.ts) in the current language: phase titles and goals,
 * deliverable titles and descriptions, checkpoint titles. The API's own `title` is used only for
 * deliverables without a catalogue key.
 */
export function useCatalogue() {
  const { i18n } = useTranslation();
  const lang: Lang = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'nb';
  const text = (value: Text) => value[lang];
  return {
    lang,
    text,
    phaseTitle: (key: PhaseKey) => text(phaseSpec(key).title),
    phaseGoal: (key: PhaseKey) => text(phaseSpec(key).goal),
    recommendedMonths: (key: PhaseKey) => phaseSpec(key).recommendedMonths,
    deliverableTitle: (deliverable: { key: string | null; title?: string | null }) => {
      const spec = deliverableSpec(deliverable.key);
      return spec ? text(spec.title) : (deliverable.title ?? deliverable.key ?? '');
    },
    deliverableDescription: (key: string | null) => {
      const spec = deliverableSpec(key);
      return spec ? text(spec.description) : null;
    },
    checkpointTitle: (phaseKey: PhaseKey, key: string) => {
      const spec = phaseSpec(phaseKey).checkpoints.find((c) => c.key === key);
      return spec ? text(spec.title) : key;
    },
  };
}
