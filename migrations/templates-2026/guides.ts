/** The guides, the business survey and the final report, in nb, nn and en (same section keys as version 1). */
import { f, NOTES, s, t, type Text, type TemplateData } from './text';

const guide = (sections: [string, Text, Text][]) =>
  sections.map(([key, title, guidance]) => s(key, title, guidance, [f('notes', NOTES, 'longtext', false)]));

export const GUIDES: TemplateData[] = [
  {
    key: 'interview_guide',
    title: t('Intervjuguide: næringslivets behov', 'Intervjuguide: behova i næringslivet', 'Interview guide: what businesses need'),
    description: t(
      'Guide til intervjuer med bedrifter i forstudien.',
      'Guide til intervju med bedrifter i forstudien.',
      'Guide for interviews with businesses in the forstudie.',
    ),
    sections: guide([
      [
        'intro',
        t('Innledning', 'Innleiing', 'Introduction'),
        t(
          'Presenter prosjektet og formålet med intervjuet. Avklar hvordan svarene brukes.',
          'Presenter prosjektet og føremålet med intervjuet. Avklar korleis svara blir brukte.',
          'Present the project and the purpose of the interview. Explain how the answers are used.',
        ),
      ],
      [
        'business',
        t('Om bedriften', 'Om bedrifta', 'About the business'),
        t(
          'Bransje, størrelse, marked, planer for vekst.',
          'Bransje, storleik, marknad, planar for vekst.',
          'Industry, size, market, plans for growth.',
        ),
      ],
      [
        'needs',
        t('Behov for bistand', 'Behov for hjelp', 'Need for support'),
        t(
          'Hva trenger bedriften fra kommunen og næringsutviklerne? Hva fungerer i dag, og hva mangler?',
          'Kva treng bedrifta frå kommunen og næringsutviklarane? Kva fungerer i dag, og kva manglar?',
          'What does the business need from the kommune and the business developers? What works today, and what is missing?',
        ),
      ],
      [
        'experience',
        t('Erfaringer med kommunen', 'Erfaringar med kommunen', 'Experience with the kommune'),
        t(
          'Saksbehandling, tilgjengelighet, næringsarealer, kontaktpunkt.',
          'Sakshandsaming, tilgjengelegheit, næringsareal, kontaktpunkt.',
          'Case handling, availability, business land, point of contact.',
        ),
      ],
      [
        'wrapup',
        t('Avslutning', 'Avslutning', 'Wrap-up'),
        t(
          'Andre innspill? Kan vi kontakte bedriften igjen?',
          'Andre innspel? Kan vi kontakte bedrifta igjen?',
          'Any other input? May we contact the business again?',
        ),
      ],
    ]),
  },
  {
    key: 'meeting_guide',
    title: t('Møteguide: forankring i kommunene', 'Møteguide: forankring i kommunane', 'Meeting guide: anchoring in the kommuner'),
    description: t(
      'Guide til møter med politisk ledelse, rådmannsgruppen og næringsutviklere.',
      'Guide til møte med politisk leiing, rådmannsgruppa og næringsutviklarar.',
      'Guide for meetings with political leaders, the chief executives’ group and business developers.',
    ),
    sections: guide([
      [
        'purpose',
        t('Formål', 'Føremål', 'Purpose'),
        t(
          'Hva skal møtet gi: orientering, innspill eller beslutning?',
          'Kva skal møtet gi: orientering, innspel eller avgjerd?',
          'What is the meeting for: briefing, input or a decision?',
        ),
      ],
      [
        'agenda',
        t('Agenda', 'Agenda', 'Agenda'),
        t(
          'Status i prosjektet, funn, anbefalinger, veien videre.',
          'Status i prosjektet, funn, tilrådingar, vegen vidare.',
          'Project status, findings, recommendations, next steps.',
        ),
      ],
      [
        'decisions',
        t('Avklaringer', 'Avklaringar', 'Clarifications'),
        t(
          'Hva må kommunen ta stilling til, og innen når?',
          'Kva må kommunen ta stilling til, og innan når?',
          'What must the kommune decide, and by when?',
        ),
      ],
    ]),
  },
  {
    key: 'workshop_guide',
    title: t('Workshopguide', 'Workshopguide', 'Workshop guide'),
    description: t(
      'Guide til workshop med kommuner, næringsliv og virkemiddelapparat.',
      'Guide til workshop med kommunar, næringsliv og verkemiddelapparat.',
      'Guide for a workshop with kommuner, businesses and public support agencies.',
    ),
    sections: guide([
      [
        'preparation',
        t('Forberedelse', 'Førebuing', 'Preparation'),
        t(
          'Deltakere, lokaler, grunnlagsmateriale.',
          'Deltakarar, lokale, grunnlagsmateriale.',
          'Participants, venue, background material.',
        ),
      ],
      [
        'exercises',
        t('Øvelser', 'Øvingar', 'Exercises'),
        t(
          'Styrker og svakheter, felles mål, prioritering av tiltak.',
          'Styrkar og veikskapar, felles mål, prioritering av tiltak.',
          'Strengths and weaknesses, shared goals, prioritising measures.',
        ),
      ],
      [
        'followup',
        t('Oppfølging', 'Oppfølging', 'Follow-up'),
        t(
          'Oppsummering til deltakerne og videre prosess.',
          'Oppsummering til deltakarane og vidare prosess.',
          'Summary to the participants and the next steps.',
        ),
      ],
    ]),
  },
  {
    key: 'business_survey',
    title: t('Spørreundersøkelse til næringslivet', 'Spørjeundersøking til næringslivet', 'Business survey'),
    description: t(
      'Spørsmål til en spørreundersøkelse blant bedriftene i regionen.',
      'Spørsmål til ei spørjeundersøking blant bedriftene i regionen.',
      'Questions for a survey of the businesses in the region.',
    ),
    sections: guide([
      [
        'respondent',
        t('Om respondenten', 'Om respondenten', 'About the respondent'),
        t('Kommune, bransje, antall ansatte.', 'Kommune, bransje, tal på tilsette.', 'Kommune, industry, number of employees.'),
      ],
      [
        'services',
        t('Bruk av næringsutviklertjenester', 'Bruk av næringsutviklartenester', 'Use of business-development services'),
        t(
          'Hvilke tjenester har bedriften brukt, og hvor fornøyd er den?',
          'Kva tenester har bedrifta brukt, og kor nøgd er ho?',
          'Which services has the business used, and how satisfied is it?',
        ),
      ],
      [
        'priorities',
        t('Prioriteringer', 'Prioriteringar', 'Priorities'),
        t(
          'Hva bør regionen prioritere for å bli mer næringsvennlig?',
          'Kva bør regionen prioritere for å bli meir næringsvenleg?',
          'What should the region prioritise to become more business-friendly?',
        ),
      ],
    ]),
  },
  {
    key: 'final_report',
    title: t('Sluttrapport', 'Sluttrapport', 'Final report'),
    description: t(
      'Disposisjon for sluttrapport fra en fase.',
      'Disposisjon for sluttrapport frå ein fase.',
      'Outline of a phase’s final report.',
    ),
    sections: guide([
      [
        'summary',
        t('Sammendrag', 'Samandrag', 'Summary'),
        t(
          'Hovedfunn og anbefalinger på én side.',
          'Hovudfunn og tilrådingar på éi side.',
          'Main findings and recommendations on one page.',
        ),
      ],
      [
        'introduction',
        t('Innledning', 'Innleiing', 'Introduction'),
        t(
          'Bakgrunn, faser, mål, organisering, målgrupper og kommunikasjon.',
          'Bakgrunn, fasar, mål, organisering, målgrupper og kommunikasjon.',
          'Background, phases, goals, organisation, target groups and communication.',
        ),
      ],
      [
        'method',
        t('Metode og datainnsamling', 'Metode og datainnsamling', 'Method and data collection'),
        t('Intervjuer, spørreundersøkelser, workshops.', 'Intervju, spørjeundersøkingar, workshopar.', 'Interviews, surveys, workshops.'),
      ],
      [
        'needs',
        t('Næringslivets behov', 'Behova i næringslivet', 'What businesses need'),
        t('Hva intervjuene og undersøkelsene viser.', 'Kva intervjua og undersøkingane viser.', 'What the interviews and surveys show.'),
      ],
      [
        'plans',
        t('Relevante planer', 'Relevante planar', 'Relevant plans'),
        t(
          'Regionale, fylkeskommunale og kommunale planer.',
          'Regionale, fylkeskommunale og kommunale planar.',
          'Regional, county and kommune plans.',
        ),
      ],
      [
        'actors',
        t('Aktører i næringsutviklingen', 'Aktørar i næringsutviklinga', 'Actors in business development'),
        t(
          'Organisering, kapasitet, kompetanse, innovasjonsøkosystem.',
          'Organisering, kapasitet, kompetanse, innovasjonsøkosystem.',
          'Organisation, capacity, competence, innovation ecosystem.',
        ),
      ],
      ['swot', t('Styrker og svakheter', 'Styrkar og veikskapar', 'Strengths and weaknesses'), t('', '', '')],
      [
        'conclusions',
        t('Konklusjoner og anbefalinger', 'Konklusjonar og tilrådingar', 'Conclusions and recommendations'),
        t('Prinsipper og anbefalt organisering.', 'Prinsipp og tilrådd organisering.', 'Principles and recommended organisation.'),
      ],
      [
        'appendices',
        t('Vedlegg', 'Vedlegg', 'Appendices'),
        t(
          'Spørreundersøkelser, intervjuliste, prosjektplan for neste fase.',
          'Spørjeundersøkingar, intervjuliste, prosjektplan for neste fase.',
          'Surveys, list of interviews, project plan for the next phase.',
        ),
      ],
    ]),
  },
];
