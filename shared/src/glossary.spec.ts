import { explained, GLOSSARY, glossaryViolations, term } from './glossary';

describe('glossary', () => {
  it('keeps the PLP terms Norwegian in English, with the nynorsk forms', () => {
    expect(term('hovedprosjekt', 'en')).toBe('hovedprosjekt');
    expect(term('hovedprosjekt', 'nn')).toBe('hovudprosjekt');
    expect(term('kommune', 'en', true)).toBe('kommuner');
    expect(term('kommune', 'nn', true)).toBe('kommunar');
    expect(term('vedtak', 'en', true)).toBe('vedtak'); // no plural of its own
    expect(explained('forstudie')).toBe('forstudie (pre-study)');
    expect(explained('PLP')).toBe('PLP (Innovasjon Norge’s project method)');
  });

  it('has a form in every language for every term', () => {
    for (const entry of Object.values(GLOSSARY)) {
      for (const lang of ['nb', 'nn', 'en'] as const) expect(entry.forms[lang]).toBeTruthy();
    }
  });

  it('finds translated terms standing alone in English', () => {
    const found = glossaryViolations('Project plan for the main project, agreed by each Municipality and the pre-study.', 'en');
    expect(found.map((v) => [v.found, v.use])).toEqual([
      ['pre-study', 'forstudie'],
      ['main project', 'hovedprosjekt'],
      ['Municipality', 'kommune'],
    ]);
    expect(glossaryViolations('the Pre Study', 'en')).toHaveLength(1);
    expect(glossaryViolations('the regional councils', 'en')).toHaveLength(1);
    expect(glossaryViolations('the municipal budget', 'en')).toEqual([]); // whole phrases only
    expect(glossaryViolations('the regional council', 'en')).toEqual([{ found: 'regional council', use: 'regionråd' }]);
  });

  it('allows the explanation of a term and the Norwegian terms themselves', () => {
    expect(glossaryViolations('Forstudie (pre-study) and hovedprosjekt (main project)', 'en')).toEqual([]);
    expect(glossaryViolations('Regions are kommuner (municipalities) led by a regionråd (regional council).', 'en')).toEqual([]);
    expect(glossaryViolations('the kommune’s share', 'en')).toEqual([]);
    expect(glossaryViolations('Hovudprosjekt i kommunane, kommunereforma', 'nn')).toEqual([]);
    expect(glossaryViolations('Desse manglar tal: {{kommuner}}.', 'nn')).toEqual([]); // placeholders are names
  });

  it('finds the other written standard’s form in bokmål and nynorsk', () => {
    expect(glossaryViolations('Porten etter hovedprosjektet, for kommunene', 'nn')).toEqual([
      { found: 'hovedprosjektet', use: 'hovudprosjekt' },
      { found: 'kommunene', use: 'kommune' },
    ]);
    expect(glossaryViolations('Hovudprosjektet i kommunar', 'nb').map((v) => v.found)).toEqual(['Hovudprosjektet', 'kommunar']);
    expect(glossaryViolations('Hovedprosjektet i kommunene', 'nb')).toEqual([]);
  });

  it('forbids translated proper names in every language', () => {
    expect(glossaryViolations('Malane til Innovasjon Noreg for Næringsvennleg region', 'nn')).toEqual([
      { found: 'Innovasjon Noreg', use: 'Innovasjon Norge' },
      { found: 'Næringsvennleg region', use: 'Næringsvennlig region' },
    ]);
    expect(glossaryViolations('Innovation Norway and the Business Friendly Region', 'en').map((v) => v.use)).toEqual([
      'Innovasjon Norge',
      'Næringsvennlig region',
    ]);
    expect(glossaryViolations('Innovasjon Norge og Næringsvennlig region', 'nn')).toEqual([]);
  });
});
