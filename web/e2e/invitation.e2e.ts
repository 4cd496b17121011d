import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startAppServer } from './support/app-server';
import { launchBrowser, seriousA11yViolations } from './support/browser';
import { logIn, logOut } from './support/session';

jest.setTimeout(90_000);

/**
 * Invitations in the browser (issue 16): the administrator invites a person by e-mail into the regionråd of
 * Kongsbergregionen; the person opens the link from the e-mail, chooses a password, and lands in the app
 * with the role. Each page passes axe.
 */
describe('invitations in the browser', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the administrator invites; the invitee accepts by choosing a password and lands in the app with the role', async () => {
    await logIn(page, server.baseUrl, 'admin@demo.no', '/admin/brukere');
    const section = page.getByRole('region', { name: 'Invitasjoner' });
    await section.getByRole('heading', { level: 3, name: 'Inviter en person' }).waitFor();
    await section.getByLabel('E-postadresse').fill('ny.regionrad@kongsberg.kommune.no');
    await section.getByLabel('Rolle').selectOption('regionraad');
    await section.getByLabel('Region').selectOption({ label: 'Kongsbergregionen' });
    await section.getByRole('button', { name: 'Send invitasjon' }).click();
    await section.getByText('Invitasjonen er sendt til ny.regionrad@kongsberg.kommune.no.').waitFor();
    const row = section
      .getByRole('table', { name: 'Ventende invitasjoner' })
      .getByRole('row', { name: /ny\.regionrad@kongsberg\.kommune\.no/ });
    await row.getByText('Regionråd, Kongsbergregionen').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The link from the e-mail (the outbox keeps it: no SMTP server in tests).
    const db = server.app.get(DataSource);
    const [mail] = (await db.query(`SELECT body_text FROM outbox WHERE to_address = $1`, ['ny.regionrad@kongsberg.kommune.no'])) as {
      body_text: string;
    }[];
    const link = /\/invitasjon#[A-Za-z0-9_-]+/.exec(mail.body_text)?.[0];
    expect(link).toBeDefined();
    await logOut(page);

    await page.goto(`${server.baseUrl}${link}`);
    await page.getByRole('heading', { level: 1, name: 'Invitasjon' }).waitFor();
    await page.getByText('Regionråd, Kongsbergregionen').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Navnet ditt').fill('Rita Regionråd');
    await page.getByLabel('Passord', { exact: true }).fill('kort');
    await page.getByLabel('Gjenta nytt passord').fill('kort');
    await page.getByRole('button', { name: 'Takk ja og logg inn' }).click();
    await page.getByText('Passordet må ha minst 12 tegn.').waitFor();
    await page.getByLabel('Passord', { exact: true }).fill('et-langt-nytt-passord');
    await page.getByLabel('Gjenta nytt passord').fill('et-langt-nytt-passord');
    await page.getByRole('button', { name: 'Takk ja og logg inn' }).click();
    await page.waitForURL((url) => url.pathname !== '/invitasjon');
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    const me = (await (await page.request.get(`${server.baseUrl}/api/auth/me`)).json()) as {
      user: { name: string };
      roles: { role: string; regionName: string }[];
    };
    expect(me.user.name).toBe('Rita Regionråd');
    expect(me.roles).toEqual([expect.objectContaining({ role: 'regionraad', regionName: 'Kongsbergregionen' })]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The link works once.
    await logOut(page);
    await page.goto(`${server.baseUrl}${link}`);
    await page.getByRole('alert').filter({ hasText: 'Invitasjonen er allerede brukt.' }).waitFor();
  });
});
