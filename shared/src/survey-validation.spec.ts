import { SURVEY_LIMITS, SurveyQuestion } from './survey';
import { validateAnswers, validateSurveyDefinition } from './survey-validation';

const text = (nb: string) => ({ nb });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: text(key) }));

const questions: SurveyQuestion[] = [
  {
    key: 'target_group',
    kind: 'single',
    text: text('Hvilken målgruppe tilhører du?'),
    required: true,
    grouping: 'target_group',
    options: options('innovasjon_norge', 'kommune', 'annet'),
  },
  {
    key: 'needs',
    kind: 'multiple',
    text: text('Viktigste behov'),
    required: false,
    maxChoices: 2,
    options: options('statistikk', 'kompetanse', 'nettverk'),
  },
  { key: 'service', kind: 'scale', text: text('Service'), required: false, need: 'service' },
  { key: 'employees', kind: 'number', text: text('Ansatte'), required: false, min: 0, max: 10000 },
  { key: 'comment', kind: 'text', text: text('Kommentar'), required: false },
];

describe('survey definitions', () => {
  it('accepts a well-formed survey', () => {
    expect(validateSurveyDefinition(questions)).toEqual([]);
  });

  it('wants keys of small letters, digits and underscore, unique in the survey', () => {
    const bad = validateSurveyDefinition([
      { ...questions[2], key: 'Service' },
      { ...questions[2], key: 'a'.repeat(41) },
      { ...questions[2], key: '' },
      { ...questions[2], key: 'service' },
      { ...questions[4], key: 'service' },
      { ...questions[4], key: '__proto__' },
    ]);
    expect(bad.map((p) => p.path)).toEqual(['questions.0.key', 'questions.1.key', 'questions.2.key', 'questions.4.key', 'questions.5.key']);
  });

  it('reserves the question key "kommune" for grouping by kommune, but not the option key', () => {
    const bad = validateSurveyDefinition([...questions, { ...questions[2], key: 'kommune' }]);
    expect(bad).toEqual([
      {
        path: `questions.${questions.length}.key`,
        message: '"kommune" is reserved for grouping results by kommune; choose another question key.',
      },
    ]);
    // The first question already has an option "kommune", which is fine.
    expect(questions[0].options!.map((o) => o.key)).toContain('kommune');
    expect(validateSurveyDefinition(questions)).toEqual([]);
  });

  it('wants at least two options with unique keys on choice questions, and none on others', () => {
    const bad = validateSurveyDefinition([
      { ...questions[0], options: options('only') },
      { ...questions[1], key: 'b', options: options('x', 'x', 'y') },
      { ...questions[2], options: options('a', 'b') },
      { ...questions[1], key: 'd', options: options(...Array.from({ length: 31 }, (_, i) => `o${i}`)) },
    ]);
    expect(bad.map((p) => p.path)).toEqual([
      'questions.0.options',
      'questions.1.options.1.key',
      'questions.2.options',
      'questions.3.options',
    ]);
  });

  it('allows one grouping question, on a single choice question', () => {
    const bad = validateSurveyDefinition([
      questions[0],
      { ...questions[0], key: 'size', grouping: 'size' },
      { ...questions[1], grouping: 'industry' },
    ]);
    expect(bad.map((p) => p.path)).toEqual(['questions.1.grouping', 'questions.2.grouping']);
  });

  it('keeps maxChoices within the options, number bounds whole and in order', () => {
    const bad = validateSurveyDefinition([
      { ...questions[1], maxChoices: 4 },
      { ...questions[1], key: 'b', maxChoices: 0 },
      { ...questions[0], key: 'c', grouping: undefined, maxChoices: 1 },
      { ...questions[3], min: 10, max: 5 },
      { ...questions[3], key: 'e', min: 1.5 },
      { ...questions[2], min: 1 },
    ]);
    expect(bad.map((p) => p.path)).toEqual([
      'questions.0.maxChoices',
      'questions.1.maxChoices',
      'questions.2.maxChoices',
      'questions.3.max',
      'questions.4.min',
      'questions.5.min',
    ]);
  });

  it('wants bokmål text on questions and options, within the length limit', () => {
    const bad = validateSurveyDefinition([
      { ...questions[2], text: { nb: '  ', en: 'Service' } },
      { ...questions[0], options: [{ key: 'a', label: { nb: '' } }, ...options('b')] },
      { ...questions[4], text: { nb: 'x'.repeat(SURVEY_LIMITS.textLength + 1) } },
    ]);
    expect(bad.map((p) => p.path)).toEqual(['questions.0.text.nb', 'questions.1.options.0.label.nb', 'questions.2.text.nb']);
    expect(bad.every((p) => p.message.length > 10)).toBe(true);
  });

  it('keeps the number of questions within the limit', () => {
    const many = Array.from({ length: SURVEY_LIMITS.questions + 1 }, (_, i) => ({ ...questions[4], key: `q${i}` }));
    expect(validateSurveyDefinition(many).map((p) => p.path)).toEqual(['questions']);
  });
});

describe('answers', () => {
  it('accepts valid answers and trims texts', () => {
    const result = validateAnswers(questions, {
      target_group: 'kommune',
      needs: ['statistikk', 'nettverk'],
      service: 4,
      employees: 12,
      comment: '  Bra tiltak  ',
    });
    expect(result.problems).toEqual([]);
    expect(result.answers).toEqual({
      target_group: 'kommune',
      needs: ['statistikk', 'nettverk'],
      service: 4,
      employees: 12,
      comment: 'Bra tiltak',
    });
  });

  it('treats empty strings and lists as unanswered', () => {
    const result = validateAnswers(questions, { target_group: 'annet', needs: [], comment: '   ', service: null });
    expect(result).toEqual({ answers: { target_group: 'annet' }, problems: [] });
  });

  it('wants required answers', () => {
    expect(validateAnswers(questions, { target_group: '' }).problems).toEqual([{ question: 'target_group', code: 'required' }]);
    expect(validateAnswers(questions, {}).problems).toEqual([{ question: 'target_group', code: 'required' }]);
  });

  it('names every problem, one per question, with the limit passed', () => {
    const result = validateAnswers(questions, {
      target_group: 'fylket',
      needs: ['statistikk', 'statistikk'],
      service: 6,
      employees: 2.5,
      comment: 'x'.repeat(SURVEY_LIMITS.answerTextLength + 1),
      extra: 'hei',
    });
    expect(result.problems).toEqual([
      { question: 'target_group', code: 'unknown_option' },
      { question: 'needs', code: 'duplicate_option' },
      { question: 'service', code: 'out_of_range', limit: 5 },
      { question: 'employees', code: 'not_whole_number' },
      { question: 'comment', code: 'too_long', limit: SURVEY_LIMITS.answerTextLength },
      { question: 'extra', code: 'unknown_question' },
    ]);
    expect(result.answers).toEqual({});
  });

  it('checks types, choices and bounds', () => {
    const problems = (answers: unknown) => validateAnswers(questions, answers).problems;
    expect(problems({ target_group: ['kommune'] })).toEqual([{ question: 'target_group', code: 'wrong_type' }]);
    expect(problems({ target_group: 'kommune', needs: 'statistikk' })).toEqual([{ question: 'needs', code: 'wrong_type' }]);
    expect(problems({ target_group: 'kommune', needs: ['statistikk', 'kompetanse', 'nettverk'] })).toEqual([
      { question: 'needs', code: 'too_many_choices', limit: 2 },
    ]);
    expect(problems({ target_group: 'kommune', needs: ['arkiv'] })).toEqual([{ question: 'needs', code: 'unknown_option' }]);
    expect(problems({ target_group: 'kommune', service: '3' })).toEqual([{ question: 'service', code: 'wrong_type' }]);
    expect(problems({ target_group: 'kommune', service: 0 })).toEqual([{ question: 'service', code: 'out_of_range', limit: 1 }]);
    expect(problems({ target_group: 'kommune', service: 2.5 })).toEqual([{ question: 'service', code: 'not_whole_number' }]);
    expect(problems({ target_group: 'kommune', employees: -1 })).toEqual([{ question: 'employees', code: 'out_of_range', limit: 0 }]);
    expect(problems({ target_group: 'kommune', employees: Infinity })).toEqual([{ question: 'employees', code: 'wrong_type' }]);
    expect(problems({ target_group: 'kommune', comment: 42 })).toEqual([{ question: 'comment', code: 'wrong_type' }]);
  });

  it('refuses something that is not an object of answers', () => {
    expect(validateAnswers(questions, ['kommune']).problems).toEqual([{ question: '', code: 'wrong_type' }]);
    expect(validateAnswers(questions, null).problems).toEqual([{ question: '', code: 'wrong_type' }]);
  });

  it('does not let an answer key reach the object prototype', () => {
    const result = validateAnswers(questions, JSON.parse('{"target_group":"kommune","__proto__":{"x":1}}'));
    expect(result.problems).toEqual([{ question: '__proto__', code: 'unknown_question' }]);
    expect(Object.getPrototypeOf(result.answers)).toBe(Object.prototype);
  });
});
