import { planCompleteness, validatePlanContent, type TemplateSection } from './plan';
import { defaultFor, isText, localizeSections, missingTranslations, templateDefaults, templateText, toText } from './template-text';

const OLD: TemplateSection[] = [
  {
    key: 'background',
    title: '1 Bakgrunn',
    guidance: 'Skriv bakgrunnen.',
    fields: [{ key: 'text', label: 'Bakgrunn', kind: 'longtext', required: true }],
  },
];
const NEW: TemplateSection[] = [
  {
    key: 'organisation',
    title: { nb: '5 Prosjektorganisasjon', nn: '5 Prosjektorganisasjon', en: '5 Project organisation' },
    guidance: { nb: 'Hvem gjør hva?', nn: 'Kven gjer kva?', en: '' },
    fields: [
      {
        key: 'roles',
        label: { nb: 'Roller og bemanning', nn: 'Roller og bemanning', en: 'Roles and staffing' },
        kind: 'roles',
        required: true,
        help: { nb: 'Navn på hver rolle.', nn: 'Namn på kvar rolle.', en: 'A name for each role.' },
        defaultValue: {
          nb: [
            { role: 'Prosjekteier', name: '' },
            { role: 'Prosjektleder', name: '' },
          ],
          nn: [
            { role: 'Prosjekteigar', name: '' },
            { role: 'Prosjektleiar', name: '' },
          ],
          en: [
            { role: 'Project owner', name: '' },
            { role: 'Project leader', name: '' },
          ],
        },
      },
    ],
  },
];

describe('templateText', () => {
  it('reads an old plain string the same in every language', () => {
    expect(templateText('1 Bakgrunn', 'en')).toBe('1 Bakgrunn');
    expect(templateText('1 Bakgrunn', 'nn')).toBe('1 Bakgrunn');
  });
  it('reads a Text in the reader’s language, falling back to bokmål where a translation is empty', () => {
    const title = { nb: 'Mål', nn: 'Mål', en: 'Goals' };
    expect(templateText(title, 'en')).toBe('Goals');
    expect(templateText({ nb: 'Hvem?', nn: 'Kven?', en: '  ' }, 'en')).toBe('Hvem?');
    expect(templateText(undefined, 'nb')).toBe('');
  });
  it('tells a Text from a string and turns a string into bokmål with translations to write', () => {
    expect(isText({ nb: 'a', nn: 'b', en: 'c' })).toBe(true);
    expect(isText('a')).toBe(false);
    expect(isText(['a'])).toBe(false);
    expect(toText('Hei')).toEqual({ nb: 'Hei', nn: '', en: '' });
  });
});

describe('localizeSections', () => {
  it('gives every section and field text in one language, old and new shapes alike', () => {
    expect(localizeSections(NEW, 'en')[0]).toMatchObject({
      title: '5 Project organisation',
      guidance: 'Hvem gjør hva?',
      fields: [{ key: 'roles', label: 'Roles and staffing', help: 'A name for each role.' }],
    });
    expect(localizeSections(OLD, 'nn')[0]).toMatchObject({ title: '1 Bakgrunn', fields: [{ label: 'Bakgrunn' }] });
    expect(localizeSections(OLD, 'nn')[0].fields[0]).not.toHaveProperty('help');
  });
});

describe('missingTranslations', () => {
  it('lists each text without nynorsk or English', () => {
    expect(missingTranslations({ title: { nb: 'Mal', nn: 'Mal', en: 'Template' }, sections: NEW })).toEqual([
      { path: 'sections[0].guidance', lang: 'en' },
    ]);
    expect(missingTranslations({ title: 'Mal', description: '', sections: OLD })).toEqual(
      expect.arrayContaining([
        { path: 'title', lang: 'nn' },
        { path: 'sections[0].fields[0].label', lang: 'en' },
      ]),
    );
  });
});

describe('templateDefaults', () => {
  it('starts a plan with the fields’ default values in the reader’s language, copied', () => {
    const content = templateDefaults(NEW, 'nn');
    expect(content).toEqual({
      organisation: {
        roles: [
          { role: 'Prosjekteigar', name: '' },
          { role: 'Prosjektleiar', name: '' },
        ],
      },
    });
    (content.organisation?.roles as { name: string }[])[0].name = 'Kari';
    expect(templateDefaults(NEW, 'nn').organisation?.roles).toEqual([
      { role: 'Prosjekteigar', name: '' },
      { role: 'Prosjektleiar', name: '' },
    ]);
    expect(templateDefaults(NEW, 'en').organisation?.roles).toEqual([
      { role: 'Project owner', name: '' },
      { role: 'Project leader', name: '' },
    ]);
    expect(templateDefaults(OLD, 'nb')).toEqual({});
  });
  it('takes one default for every language as it is', () => {
    expect(defaultFor(['a'], 'en')).toEqual(['a']);
    expect(defaultFor('x', 'nn')).toBe('x');
    expect(defaultFor(undefined, 'nb')).toBeUndefined();
  });
});

describe('plan rules read localized templates', () => {
  it('names fields in the reader’s language in validation messages', () => {
    const problems = validatePlanContent(NEW, { organisation: { roles: 'Kari' } }, 'en');
    expect(problems).toEqual([{ field: 'organisation.roles', message: 'Roles and staffing must be roles, each with a role and a name' }]);
  });
  it('counts prefilled roles without names as not filled', () => {
    expect(planCompleteness(NEW, templateDefaults(NEW, 'nb')).missing.map((m) => m.field)).toEqual(['roles']);
  });
});
