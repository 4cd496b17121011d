import { NOTIFICATION_KINDS, type NotificationKind } from './reminders';
import {
  dateInLanguage,
  MAIL_SIGNATURE,
  monthInLanguage,
  NOTIFICATION_TEXTS,
  renderNotification,
  renderNotificationMail,
  type NotificationMessage,
  type NotificationParams,
} from './notification-texts';
import type { Lang } from './plp';

const LANGS: Lang[] = ['nb', 'nn', 'en'];

/** One example of each kind, with a distinct value in every free-text param. */
const EXAMPLES: { [K in NotificationKind]: NotificationParams[K][] } = {
  mention: [{ commentTargetType: 'deliverable', commentTargetId: 'c-1', projectName: 'Prosjekt Alfa', excerpt: 'Se på tallene' }],
  deliverable_due_soon: [{ dueDate: '2026-03-24', deliverableTitle: 'Kartlegging', projectName: 'Prosjekt Alfa' }],
  deliverable_overdue: [{ dueDate: '2026-03-24', deliverableTitle: 'Kartlegging', projectName: 'Prosjekt Alfa' }],
  phase_too_long: [
    { phaseKey: 'forstudie', months: 14, min: 3, max: 6, projectName: 'Prosjekt Alfa' },
    { phaseKey: 'hovedprosjekt', months: 40, min: null, max: null, projectName: 'Prosjekt Alfa' },
  ],
  gate_awaiting_decision: [{ phaseKey: 'forstudie', submittedOn: '2026-03-24', bodyName: 'Styringsgruppen', projectName: 'Prosjekt Alfa' }],
  status_report_due: [{ period: '2026-03', projectName: 'Prosjekt Alfa' }],
  gate_submitted: [{ phaseKey: 'forprosjekt', bodyName: 'Styringsgruppen', projectName: 'Prosjekt Alfa' }],
  case_at_body: [{ phaseKey: 'forprosjekt', bodyName: 'Regionrådet', projectName: 'Prosjekt Alfa' }],
  gate_decided: [{ phaseKey: 'forstudie', outcome: 'approved_with_conditions', bodyName: 'Regionrådet', projectName: 'Prosjekt Alfa' }],
  deliverable_reviewed: [
    { title: 'Kartlegging', outcome: 'accepted', projectName: 'Prosjekt Alfa' },
    { title: 'Kartlegging', outcome: 'returned', projectName: 'Prosjekt Alfa' },
  ],
  kommune_case_opened: [{ phaseKey: 'forstudie', deadline: '2026-03-24', projectName: 'Prosjekt Alfa' }],
  kommune_deadline_near: [
    { phaseKey: 'forstudie', deadline: '2026-03-24', kommuneName: 'Kongsberg', overdue: false, projectName: 'Prosjekt Alfa' },
    { phaseKey: 'forstudie', deadline: '2026-03-24', kommuneName: 'Kongsberg', overdue: true, projectName: 'Prosjekt Alfa' },
  ],
  condition_due: [
    { dueDate: '2026-03-24', conditionText: 'Avklar finansiering', phaseKey: 'forstudie', overdue: false, projectName: 'Prosjekt Alfa' },
    { dueDate: '2026-03-24', conditionText: 'Avklar finansiering', phaseKey: 'forstudie', overdue: true, projectName: 'Prosjekt Alfa' },
  ],
  benefit_measurement_due: [
    { benefits: [{ id: 'b-1', title: 'Raskere byggesaker', lastMeasuredOn: '2026-03-24', projectName: 'Prosjekt Alfa' }] },
    { benefits: [{ id: 'b-1', title: 'Raskere byggesaker', lastMeasuredOn: null, projectName: 'Prosjekt Alfa' }] },
    {
      benefits: [
        { id: 'b-1', title: 'Raskere byggesaker', lastMeasuredOn: '2026-03-24', projectName: 'Prosjekt Alfa' },
        { id: 'b-2', title: 'Flere nyetableringer', lastMeasuredOn: null, projectName: 'Prosjekt Alfa' },
        { id: 'b-3', title: 'Flere lærlinger', lastMeasuredOn: '2025-01-02', projectName: 'Prosjekt Beta' },
      ],
    },
  ],
};

const messages = (): NotificationMessage[] =>
  NOTIFICATION_KINDS.flatMap((kind) => EXAMPLES[kind].map((params) => ({ kind, params }) as NotificationMessage));

/** The free-text params a reader must find in the text (ids, keys, codes and flags are rendered as words instead). */
const SHOWN = ['projectName', 'excerpt', 'deliverableTitle', 'bodyName', 'title', 'kommuneName', 'conditionText', 'months', 'benefitTitle'];

describe('notification texts', () => {
  it('has a text for every notification kind in bokmål, nynorsk and English', () => {
    for (const lang of LANGS) expect(Object.keys(NOTIFICATION_TEXTS[lang]).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it.each(LANGS)('fills every parameter in %s: no placeholder, no missing value, every fact shown', (lang) => {
    for (const m of messages()) {
      const { subject, body } = renderNotification(m, lang, { actorName: 'Kari Nordmann' });
      const text = `${subject}\n${body}`;
      expect(subject.trim()).not.toBe('');
      expect(body.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|null|NaN|\[object|\{\w+\}|\$\{/);
      const params = m.params as Record<string, unknown>;
      for (const key of SHOWN) if (key in params) expect(text).toContain(String(params[key]));
      if ('dueDate' in params || 'deadline' in params || 'submittedOn' in params)
        expect(text).toContain(dateInLanguage('2026-03-24', lang));
      if (m.kind === 'mention') expect(text).toContain('Kari Nordmann');
    }
  });

  it('writes each language in its own words, dates and months', () => {
    const decided = messages().find((m) => m.kind === 'gate_decided')!;
    expect(renderNotification(decided, 'nb').subject).toBe('Vedtak: Forstudie i Prosjekt Alfa er godkjent med vilkår');
    expect(renderNotification(decided, 'nn').subject).toBe('Vedtak: Forstudie i Prosjekt Alfa er godkjend med vilkår');
    expect(renderNotification(decided, 'en').subject).toBe('Decision: Forstudie (pre-study) in Prosjekt Alfa is approved with conditions');
    const due = messages().find((m) => m.kind === 'deliverable_due_soon')!;
    expect(renderNotification(due, 'nb').subject).toBe('Frist 24.03.2026: Kartlegging');
    expect(renderNotification(due, 'en').subject).toBe('Due 24 March 2026: Kartlegging');
    expect(monthInLanguage('2026-03', 'nn')).toBe('mars 2026');
    expect(monthInLanguage('2026-03', 'en')).toBe('March 2026');
  });

  it('names every benefit of the yearly reminder, with its project and latest measurement, and counts them', () => {
    const [one, , three] = EXAMPLES.benefit_measurement_due.map(
      (params) => ({ kind: 'benefit_measurement_due', params }) as NotificationMessage,
    );
    expect(renderNotification(one, 'nb').subject).toBe('Tid for årets måling: Raskere byggesaker');
    expect(renderNotification(three, 'nb')).toEqual({
      subject: 'Tid for årets måling: 3 gevinster',
      body:
        'Du er eier av 3 gevinster som ikke er målt på et år: «Raskere byggesaker» i Prosjekt Alfa (siste måling 24.03.2026), ' +
        '«Flere nyetableringer» i Prosjekt Alfa (ikke målt ennå) og «Flere lærlinger» i Prosjekt Beta (siste måling 02.01.2025). ' +
        'Registrer årets måling av indikatorene.',
    });
    expect(renderNotification(three, 'nn').subject).toBe('Tid for årets måling: 3 gevinstar');
    expect(renderNotification(three, 'en').subject).toBe("Time for this year's measurement: 3 benefits");
    for (const lang of LANGS) {
      const { body } = renderNotification(three, lang);
      for (const title of ['Raskere byggesaker', 'Flere nyetableringer', 'Flere lærlinger', 'Prosjekt Beta']) expect(body).toContain(title);
    }
  });

  it('makes the e-mail: text, the absolute link, and the signature in the language', () => {
    const submitted = messages().find((m) => m.kind === 'gate_submitted')!;
    const mail = renderNotificationMail(submitted, 'nn', { link: '/prosjekter/p1', baseUrl: 'https://nvr.example.no' });
    expect(mail.subject).toBe('Til handsaming: Forprosjekt i Prosjekt Alfa');
    expect(mail.body).toBe(
      `Forprosjekt i Prosjekt Alfa er send til handsaming. Saka ligg no hos Styringsgruppen.\n\nhttps://nvr.example.no/prosjekter/p1\n\n${MAIL_SIGNATURE.nn}`,
    );
    expect(renderNotificationMail(submitted, 'en').body).toMatch(/Styringsgruppen\.\n\n— Næringsvennlig region$/);
  });
});
