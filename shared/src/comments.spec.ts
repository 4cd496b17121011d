import { extractMentions } from './comments';

describe('mentions', () => {
  it('finds e-mail handles and user ids, once each, lower-cased', () => {
    const text = 'Hei @Kari.Nordmann@Kongsberg.kommune.no og @pia@demo.no! Se også @0B7C9A4E-5D1F-4E2A-9C3B-8A6D2F1E0C5B, og @pia@demo.no.';
    expect(extractMentions(text)).toEqual({
      emails: ['kari.nordmann@kongsberg.kommune.no', 'pia@demo.no'],
      userIds: ['0b7c9a4e-5d1f-4e2a-9c3b-8a6d2f1e0c5b'],
    });
  });
  it('ignores plain e-mail addresses, lone @ and handles that are not addresses', () => {
    expect(extractMentions('Skriv til post@demo.no, eller @ meg, eller @rune')).toEqual({ emails: [], userIds: [] });
  });
  it('accepts a mention at the start, after brackets and on a new line', () => {
    expect(extractMentions('@a@b.no (@c@d.no)\n@e@f.no').emails).toEqual(['a@b.no', 'c@d.no', 'e@f.no']);
  });
});
