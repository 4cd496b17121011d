import type { Locator, Page } from 'playwright-core';
import type { SaveTemplateBody, TemplateVersion } from '../src/api/plan-types';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { apiAs, logIn, type Api } from './support/session';

/**
 * The template editor (/maler/:key/endre) on the demo data's «Prosjektplan for forprosjektet», at its newest
 * version (v0). The administrator adds a section, is stopped by the form's checks, meets another administrator's
 * newer version, and saves the change as version v0 + 2; last, the editor refuses a template without sections.
 */
jest.setTimeout(60_000);

const KEY = 'plan_forprosjekt';
const TITLE = 'Prosjektplan for forprosjektet';
const SECTION = 'Økonomi og drift';
/** The description in the version another administrator saves while the editor is open. */
const REVISED = 'Mal til prosjektplan for forprosjektet, med økonomi.';

describe('an administrator adapts a project plan template in the editor and saves it as a new version', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let api: Api;
  let original: TemplateVersion;
  /** The number of the added section: after the template's own. */
  let n: number;
  /** The newest version when the test starts. */
  let v0: number;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
    await logIn(page, server.baseUrl, 'admin@demo.no', '/maler');
    api = await apiAs(page, server.baseUrl);
    original = (await api.get<TemplateVersion[]>(`/api/templates/${KEY}/versions`))[0];
    v0 = original.version;
    expect(original.latestVersion).toBe(v0);
    n = original.sections.length + 1;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const waitForFocus = async (locator: Locator) => {
    const handle = await locator.elementHandle();
    await page.waitForFunction((el) => el === document.activeElement, handle);
  };
  /** The list of problems above the form, each a link to its control. */
  const problems = () => page.locator('.ds-alert', { has: page.getByRole('heading', { level: 2, name: 'Rett opp dette før du lagrer' }) });
  const problemLinks = () => problems().getByRole('link').allInnerTexts();
  const saveButton = (version: number) => page.getByRole('button', { name: `Lagre som versjon ${version}` });
  /** A section's fieldset, named by its number and title. */
  const section = (i: number, title: string) => page.getByRole('group', { name: `Del ${i}: ${title}`, exact: true });

  it('opens the template from the library (which passes axe), then its editor', async () => {
    await page.getByRole('heading', { level: 1, name: 'Maler' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('link', { name: 'Endre malen' }).click();
    await page.getByRole('heading', { level: 1, name: `Endre «${TITLE}»` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/maler/${KEY}/endre`);
    await saveButton(v0 + 1).waitFor();
    // Saved sections keep their keys (plans written from them keep their answers): shown, not editable.
    const first = section(1, original.sections[0].title.nb);
    expect(await first.getByText(`Nøkkel: ${original.sections[0].key}`).count()).toBe(1);
    expect(await first.getByRole('textbox', { name: 'Nøkkel', exact: true }).count()).toBe(0);
    expect(await section(n - 1, original.sections[n - 2].title.nb).count()).toBe(1);
  });

  it('stops a save with a blank title: the summary takes focus, its link focuses the title, fixing it clears the summary', async () => {
    const title = page.getByLabel('Tittel', { exact: true });
    await title.fill('   ');
    await saveButton(v0 + 1).click();
    await waitForFocus(problems());
    expect(await problemLinks()).toEqual(['Skriv en tittel på malen.']);
    await problems().getByRole('link', { name: 'Skriv en tittel på malen.' }).click();
    await waitForFocus(title);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await title.fill(TITLE);
    await problems().waitFor({ state: 'detached' });
  });

  it('adds a section: focus on its title, its key follows the title, spaces are dropped from keys', async () => {
    await page.getByRole('button', { name: 'Legg til del' }).click();
    await waitForFocus(section(n, 'uten tittel').getByLabel('Tittel på delen'));
    await page.keyboard.type(SECTION);
    const added = section(n, SECTION);
    const key = added.getByLabel('Nøkkel', { exact: true });
    expect(await key.inputValue()).toBe('okonomi_og_drift');
    await key.pressSequentially(' x');
    expect(await key.inputValue()).toBe('okonomi_og_driftx');
    // A new section starts with one long-text field.
    expect(await added.getByLabel(`Ledetekst for felt 1 i del ${n}`).inputValue()).toBe('Notater');
    expect(await added.getByLabel(`Nøkkel for felt 1 i del ${n}`).inputValue()).toBe('notes');
  });

  it('checks keys, labels and fields on save, each problem linked to its control', async () => {
    const added = section(n, SECTION);
    const repeated = original.sections[0].key;
    await added.getByLabel('Nøkkel', { exact: true }).fill(repeated);
    const addField = added.getByRole('button', { name: `Legg til felt i del ${n}` });
    await added.getByRole('button', { name: `Fjern felt 1 i del ${n}` }).click();
    await waitForFocus(addField);
    await addField.click();
    const label = added.getByLabel(`Ledetekst for felt 1 i del ${n}`);
    const fieldKey = added.getByLabel(`Nøkkel for felt 1 i del ${n}`);
    await waitForFocus(label);
    await page.keyboard.type('Kostnad 1');
    expect(await fieldKey.inputValue()).toBe('kostnad_1');
    await label.fill('');
    await fieldKey.fill('1bad');

    await saveButton(v0 + 1).click();
    await waitForFocus(problems());
    expect(await problemLinks()).toEqual([
      `Nøkkelen «${repeated}» er brukt to ganger.`,
      `Skriv en ledetekst for felt 1 i del ${n}.`,
      `Nøkkelen for felt 1 i del ${n} må begynne med en liten bokstav og bare ha små bokstaver, sifre og _.`,
    ]);
    expect(await fieldKey.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Without its last field the section is refused too; the link goes to the button that fixes it.
    await added.getByRole('button', { name: `Fjern felt 1 i del ${n}` }).click();
    await problems()
      .getByRole('link', { name: `Del ${n} må ha minst ett felt.` })
      .click();
    await waitForFocus(addField);
    expect(await problemLinks()).toEqual([`Nøkkelen «${repeated}» er brukt to ganger.`, `Del ${n} må ha minst ett felt.`]);

    await added.getByLabel('Nøkkel', { exact: true }).fill('okonomi');
    await addField.click();
    await waitForFocus(label);
    await page.keyboard.type('Kostnad');
    await problems().waitFor({ state: 'detached' });
  });

  it('moves the section up with focus kept on its button; a problem follows its section to its new number', async () => {
    await page.getByRole('button', { name: `Flytt del ${n} opp` }).click();
    await waitForFocus(page.getByRole('button', { name: `Flytt del ${n - 1} opp` }));
    const moved = section(n - 1, SECTION);
    expect(await moved.getByLabel(`Ledetekst for felt 1 i del ${n - 1}`).inputValue()).toBe('Kostnad');
    expect(await section(n, original.sections[n - 2].title.nb).count()).toBe(1);

    await moved.getByLabel('Tittel på delen').fill('');
    await saveButton(v0 + 1).click();
    await problems()
      .getByRole('link', { name: `Skriv en tittel på del ${n - 1}.` })
      .waitFor();
    await page.getByRole('button', { name: `Flytt del ${n - 1} ned` }).click();
    await problems()
      .getByRole('link', { name: `Skriv en tittel på del ${n}.` })
      .waitFor();
    // Now last, its "ned" button is disabled: focus goes to its "opp" button.
    await waitForFocus(page.getByRole('button', { name: `Flytt del ${n} opp` }));
    const title = section(n, 'uten tittel').getByLabel('Tittel på delen');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await title.fill(SECTION);
    await problems().waitFor({ state: 'detached' });
  });

  it('shows a refusal from the server at its field, with focus there', async () => {
    // The form checks what SaveTemplateDto checks, so the real server refuses a field only where the two
    // disagree. This answer is the DTO's refusal of a help text over 2000 characters, which the input's maxLength prevents.
    const message = `sections[${n - 1}].fields[0].help must be shorter than or equal to 2000 characters`;
    await page.route(`**/api/templates/${KEY}`, (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message,
              errors: [{ field: `sections[${n - 1}].fields[0].help`, messages: [message] }],
            }),
          })
        : route.fallback(),
    );
    try {
      await saveButton(v0 + 1).click();
      const help = section(n, SECTION).getByLabel(`Hjelpetekst for felt 1 i del ${n} (valgfritt)`);
      await problems().getByRole('link', { name: message }).waitFor();
      await waitForFocus(help);
      expect(await help.getAttribute('aria-invalid')).toBe('true');
      expect(await problemLinks()).toEqual([message]);
      await help.fill('Kort hjelp');
      await problems().waitFor({ state: 'detached' });
    } finally {
      await page.unroute(`**/api/templates/${KEY}`);
    }
  });

  it('says so when another administrator saved a version first, and loads it to make the change again', async () => {
    const theirs: SaveTemplateBody = {
      title: original.title,
      description: { nb: REVISED, nn: '', en: '' },
      sections: original.sections,
      basedOnVersion: v0,
    };
    await api.send('PUT', `/api/templates/${KEY}`, theirs);

    await saveButton(v0 + 1).click();
    await page.getByRole('heading', { level: 2, name: 'Malen er endret av noen andre' }).waitFor();
    await page.getByRole('button', { name: 'Last inn nyeste versjon' }).click();
    await saveButton(v0 + 2).waitFor();
    expect(await page.getByText(`du redigerer versjon ${v0 + 1}`).count()).toBe(1);
    expect(await page.getByLabel('Beskrivelse', { exact: true }).inputValue()).toBe(REVISED);
    expect(await page.getByRole('group', { name: new RegExp(`^Del ${n}: `) }).count()).toBe(0);
  });

  it('saves the new section as version v0 + 2 and shows it on the template page, which passes axe', async () => {
    await page.getByRole('button', { name: 'Legg til del' }).click();
    await waitForFocus(section(n, 'uten tittel').getByLabel('Tittel på delen'));
    await page.keyboard.type(SECTION);
    const added = section(n, SECTION);
    await added.getByLabel('Veiledning').fill('Hvordan tiltakene finansieres og driftes etter prosjektet.');
    await added.getByLabel(`Ledetekst for felt 1 i del ${n}`).fill('Kostnad');
    await added.getByLabel(`Type for felt 1 i del ${n}`).selectOption({ label: 'kort tekst' });
    await added.getByLabel(`Hjelpetekst for felt 1 i del ${n} (valgfritt)`).fill('  Beløp i kroner per år.  ');
    await added.getByLabel(`Påkrevd (felt 1 i del ${n})`).check();
    // An emptied description is saved as empty (it once went as "" and was refused in English).
    await page.getByLabel('Beskrivelse', { exact: true }).fill('');
    await saveButton(v0 + 2).click();

    await page.getByText(`Malen er lagret som versjon ${v0 + 2}.`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/maler/${KEY}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await page.getByText(`Versjon ${v0 + 2} av ${v0 + 2}`).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 3, name: SECTION }).count()).toBe(1);

    const saved = await api.get<TemplateVersion>(`/api/templates/${KEY}/versions/${v0 + 2}`);
    expect(saved.sections.map((s) => s.key)).toEqual([...original.sections.map((s) => s.key), 'okonomi_og_drift']);
    expect(saved.sections.at(-1)).toEqual({
      key: 'okonomi_og_drift',
      title: { nb: SECTION, nn: '', en: '' },
      guidance: { nb: 'Hvordan tiltakene finansieres og driftes etter prosjektet.', nn: '', en: '' },
      fields: [
        {
          key: 'kostnad',
          label: { nb: 'Kostnad', nn: '', en: '' },
          kind: 'text',
          required: true,
          help: { nb: 'Beløp i kroner per år.', nn: '', en: '' },
        },
      ],
    });
    expect(saved.description).toEqual({ nb: '', nn: '', en: '' });
    // The sections it kept keep their prefilled roles.
    expect(saved.sections.find((s) => s.key === 'organisation')?.fields[0].defaultValue).toEqual(
      original.sections.find((s) => s.key === 'organisation')?.fields[0].defaultValue,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('refuses a template without sections; the link goes to «Legg til del»', async () => {
    await page.getByRole('link', { name: 'Endre malen' }).click();
    await saveButton(v0 + 3).waitFor();
    const addSection = page.getByRole('button', { name: 'Legg til del' });
    for (let left = n; left > 0; left--) {
      await page.getByRole('button', { name: 'Fjern del 1', exact: true }).click();
      await waitForFocus(addSection);
    }
    expect(await page.getByRole('group', { name: /^Del \d+: / }).count()).toBe(0);
    await saveButton(v0 + 3).click();
    await waitForFocus(problems());
    expect(await problemLinks()).toEqual(['Malen må ha minst én del.']);
    await problems().getByRole('link', { name: 'Malen må ha minst én del.' }).click();
    await waitForFocus(addSection);
    await page.keyboard.press('Enter');
    await waitForFocus(section(1, 'uten tittel').getByLabel('Tittel på delen'));
    await problems().waitFor({ state: 'detached' });
  });
});
