/**
 * Demo data from the source documents in shared/seeds:
 * - Kongsbergregionen (seeds/002): the seven kommuner and their population on 1 January 2008, as in the
 *   plan's cost-sharing table (sum 50 388). Numbers are today's kommune numbers (from 2024).
 * - Glåmdalsregionen / Kongsvingerregionen (seeds/003): its seven kommuner. The seeds give no population,
 *   so these are rounded figures for 1 January 2024, for demonstration only.
 */
export interface DemoKommune {
  number: string;
  name: string;
  county: string;
  population: number;
  asOf: string;
}

export interface DemoRegion {
  name: string;
  councilName: string;
  description: string;
  memberSince: string;
  kommuner: DemoKommune[];
}

export const DEMO_REGIONS: DemoRegion[] = [
  {
    name: 'Kongsbergregionen',
    councilName: 'Regionrådet i Kongsbergregionen',
    description: 'Samordnet næringsapparat i Kongsbergregionen: prosjektskisse basert på PLP, vedtatt av regionrådet 03.02.09.',
    memberSince: '2006-01-01',
    kommuner: [
      { number: '4024', name: 'Hjartdal', county: 'Telemark', population: 1619, asOf: '2008-01-01' },
      { number: '4026', name: 'Tinn', county: 'Telemark', population: 6066, asOf: '2008-01-01' },
      { number: '4005', name: 'Notodden', county: 'Telemark', population: 12232, asOf: '2008-01-01' },
      { number: '3303', name: 'Kongsberg', county: 'Buskerud', population: 23997, asOf: '2008-01-01' },
      { number: '3334', name: 'Flesberg', county: 'Buskerud', population: 2521, asOf: '2008-01-01' },
      { number: '3336', name: 'Rollag', county: 'Buskerud', population: 1419, asOf: '2008-01-01' },
      { number: '3338', name: 'Nore og Uvdal', county: 'Buskerud', population: 2534, asOf: '2008-01-01' },
    ],
  },
  {
    name: 'Glåmdalsregionen',
    councilName: 'Glåmdal regionråd',
    description: 'Kongsvingerregionen: samarbeid om næringsutvikling, felles næringsstrategi og mål om 100 nye arbeidsplasser i året.',
    memberSince: '2010-01-01',
    kommuner: [
      { number: '3401', name: 'Kongsvinger', county: 'Innlandet', population: 18100, asOf: '2024-01-01' },
      { number: '3415', name: 'Sør-Odal', county: 'Innlandet', population: 7900, asOf: '2024-01-01' },
      { number: '3414', name: 'Nord-Odal', county: 'Innlandet', population: 5000, asOf: '2024-01-01' },
      { number: '3416', name: 'Eidskog', county: 'Innlandet', population: 6100, asOf: '2024-01-01' },
      { number: '3417', name: 'Grue', county: 'Innlandet', population: 4600, asOf: '2024-01-01' },
      { number: '3418', name: 'Åsnes', county: 'Innlandet', population: 7100, asOf: '2024-01-01' },
      { number: '3419', name: 'Våler', county: 'Innlandet', population: 3600, asOf: '2024-01-01' },
    ],
  },
];

/** The password of every demo account (README, "Demo accounts"). */
export const DEMO_PASSWORD = 'demo-passord-2026';

export interface DemoUser {
  email: string;
  name: string;
  roles: { role: 'admin' | 'regionraad' | 'adviser' | 'kommune_contact'; region?: string }[];
}

/** One account per kind of user, so the app can be tried as each. Project roles come with the demo projects (Pia leads them). */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@demo.no', name: 'Ada Administrator', roles: [{ role: 'admin' }] },
  { email: 'regionrad@demo.no', name: 'Rolf Regionråd', roles: [{ role: 'regionraad', region: 'Kongsbergregionen' }] },
  { email: 'sekretariat.glamdal@demo.no', name: 'Siri Sekretariat', roles: [{ role: 'regionraad', region: 'Glåmdalsregionen' }] },
  { email: 'prosjektleder@demo.no', name: 'Pia Prosjektleder', roles: [] },
  {
    email: 'radgiver@demo.no',
    name: 'Rune Rådgiver (Innovasjon Norge)',
    roles: [
      { role: 'adviser', region: 'Kongsbergregionen' },
      { role: 'adviser', region: 'Glåmdalsregionen' },
    ],
  },
  { email: 'kontakt@demo.no', name: 'Kari Kommunekontakt', roles: [{ role: 'kommune_contact', region: 'Kongsbergregionen' }] },
  { email: 'kontakt.glamdal@demo.no', name: 'Kåre Kommunekontakt', roles: [{ role: 'kommune_contact', region: 'Glåmdalsregionen' }] },
];
