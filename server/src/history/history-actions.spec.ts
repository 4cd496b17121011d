import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_HISTORY_ACTIONS } from '@nvr/shared';

describe('project history actions', () => {
  it('are unique', () => {
    expect(new Set(PROJECT_HISTORY_ACTIONS).size).toBe(PROJECT_HISTORY_ACTIONS.length);
  });

  // The history's words come with the project pages (web/src/locales/projects.<lang>.json).
  it.each(['nb', 'nn', 'en'])('each has a label in the web app in %s, and no label is left over', (lang) => {
    const catalogue = JSON.parse(readFileSync(join(__dirname, '../../../web/src/locales', `projects.${lang}.json`), 'utf8')) as {
      history: { actions: Record<string, string> };
    };
    expect(Object.keys(catalogue.history.actions).sort()).toEqual([...PROJECT_HISTORY_ACTIONS].sort());
  });
});
