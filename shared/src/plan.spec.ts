import { diffPlans, mergePlanContent, planCompleteness, TemplateSection, validatePlanContent } from './plan';

const sections: TemplateSection[] = [
  { key: 'background', title: 'Bakgrunn', guidance: '', fields: [{ key: 'text', label: 'Bakgrunn', kind: 'longtext', required: true }] },
  {
    key: 'goals',
    title: 'Mål og hovedaktiviteter',
    guidance: '',
    fields: [
      { key: 'main_goal', label: 'Hovedmål', kind: 'text', required: true },
      { key: 'sub_goals', label: 'Delmål', kind: 'subgoals', required: true },
      { key: 'benefits', label: 'Gevinstområder', kind: 'list', required: false },
    ],
  },
  {
    key: 'frame',
    title: 'Rammer',
    guidance: '',
    fields: [{ key: 'resources', label: 'Ressurser', kind: 'kommune_resources', required: true }],
  },
  {
    key: 'schedule',
    title: 'Fremdrift',
    guidance: '',
    fields: [{ key: 'milestones', label: 'Milepæler', kind: 'milestones', required: true }],
  },
];

describe('planCompleteness', () => {
  it('lists the required fields still empty', () => {
    const c = planCompleteness(sections, {
      background: { text: '  ' },
      goals: { main_goal: 'Etablere et samordnet næringsapparat', sub_goals: [{ title: '', activities: [] }] },
    });
    expect(c).toMatchObject({ complete: false, required: 5, filled: 1 });
    expect(c.missing.map((m) => `${m.section}.${m.field}`)).toEqual([
      'background.text',
      'goals.sub_goals',
      'frame.resources',
      'schedule.milestones',
    ]);
  });
  it('is complete when every required field has content', () => {
    const c = planCompleteness(sections, {
      background: { text: 'Kongsbergregionen vil samordne næringsapparatet.' },
      goals: {
        main_goal: 'Samordnet næringsapparat',
        sub_goals: [{ title: 'Etablere en regional enhet', activities: ['Engasjere koordinator'] }],
      },
      frame: { resources: [{ kommuneId: 'k', kommuneName: 'Kongsberg', percent: 25 }] },
      schedule: { milestones: [{ title: 'Oppstart', date: '2009-03-01' }] },
    });
    expect(c.complete).toBe(true);
  });
});

describe('validatePlanContent', () => {
  it('names unknown sections and fields, and values of the wrong shape', () => {
    const problems = validatePlanContent(sections, {
      nope: { x: 'y' },
      goals: { main_goal: 42 as unknown as string, unknown: 'x', sub_goals: [{ title: 'x' }] as never },
      frame: { resources: [{ kommuneId: 'k', kommuneName: 'K', percent: 120 }] },
      schedule: { milestones: [{ title: 'Start', date: '1. mars' }] },
    });
    expect(problems.map((p) => p.field)).toEqual([
      'nope',
      'goals.main_goal',
      'goals.unknown',
      'goals.sub_goals',
      'frame.resources',
      'schedule.milestones',
    ]);
    expect(problems[4].message).toBe('Ressurser must list kommuner, each with a share of a position from 0 to 100 %');
  });
});

describe('mergePlanContent and diffPlans', () => {
  it('merges field by field and lists what changed, in template order', () => {
    const v1 = { goals: { main_goal: 'A', benefits: ['x'] }, background: { text: 'B' } };
    const v2 = mergePlanContent(v1, { goals: { main_goal: 'A2' } });
    expect(v2).toEqual({ goals: { main_goal: 'A2', benefits: ['x'] }, background: { text: 'B' } });
    expect(diffPlans(sections, v1, v2)).toEqual([
      { section: 'goals', sectionTitle: 'Mål og hovedaktiviteter', field: 'main_goal', label: 'Hovedmål', before: 'A', after: 'A2' },
    ]);
    expect(diffPlans(sections, {}, { schedule: { milestones: [] } })).toHaveLength(1);
  });
});
