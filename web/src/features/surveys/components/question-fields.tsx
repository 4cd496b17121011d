import { Button, Checkbox, Field, Fieldset, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import { NEED_CATEGORIES, QUESTION_KINDS, SURVEY_LIMITS } from '@nvr/shared';
import { useFieldArray, type Control, type FieldErrors, type UseFormRegister, type UseFormWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { emptyOption, type SurveyFormValues } from './survey-draft';

const KEY_PATTERN = /^[a-z0-9_]{1,40}$/;

/** One question of the editor: kind, texts, required, and what its kind needs (options, max choices, scale labels, bounds, need). */
export function QuestionFields({
  index,
  count,
  control,
  register,
  watch,
  errors,
  onMove,
  onRemove,
  announce,
}: {
  index: number;
  count: number;
  control: Control<SurveyFormValues>;
  register: UseFormRegister<SurveyFormValues>;
  watch: UseFormWatch<SurveyFormValues>;
  errors: FieldErrors<SurveyFormValues>;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** Says something in the editor's live region (that an option was removed). */
  announce: (message: string) => void;
}) {
  const { t } = useTranslation();
  const options = useFieldArray({ control, name: `questions.${index}.options` });
  const kind = watch(`questions.${index}.kind`);
  const textNb = watch(`questions.${index}.textNb`);
  const keys = watch('questions').map((q) => q.key);
  const err = errors.questions?.[index];
  const n = index + 1;
  const prefix = `question-${index}`;

  function removeOption(j: number) {
    const count = options.fields.length;
    options.remove(j);
    announce(t('surveys.editor.optionRemoved', { n: j + 1, question: n }));
    // Focus the option that took its place, or the one before when the last went (their remove buttons
    // may all be disabled now, at the two options a question needs).
    const next = j < count - 1 ? j : j - 1;
    window.setTimeout(() => document.getElementsByName(`questions.${index}.options.${next}.labelNb`)[0]?.focus(), 0);
  }

  return (
    <Fieldset className="survey-question">
      <Fieldset.Legend>{t('surveys.editor.questionLegend', { n, text: textNb || t('surveys.editor.untitled') })}</Fieldset.Legend>
      <div className="form__row">
        <Field>
          <Label>{t('surveys.editor.kind')}</Label>
          <Select {...register(`questions.${index}.kind`)}>
            {QUESTION_KINDS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`surveys.kinds.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={t('surveys.editor.key')}
          description={t('surveys.editor.keyHint')}
          autoComplete="off"
          maxLength={SURVEY_LIMITS.keyLength}
          error={err?.key?.message}
          {...register(`questions.${index}.key`, {
            validate: (v) =>
              !KEY_PATTERN.test(v)
                ? t('surveys.editor.keyInvalid')
                : keys.filter((k) => k === v).length > 1
                  ? t('surveys.editor.keyTaken')
                  : true,
          })}
        />
      </div>
      <Textfield
        multiline
        rows={2}
        label={t('surveys.editor.textNb')}
        maxLength={SURVEY_LIMITS.textLength}
        error={err?.textNb?.message}
        {...register(`questions.${index}.textNb`, { validate: (v) => v.trim() !== '' || t('surveys.editor.textRequired') })}
      />
      <details className="survey-question__languages">
        <summary>{t('surveys.editor.otherLanguages', { n })}</summary>
        <Textfield
          label={t('surveys.editor.textNn')}
          maxLength={SURVEY_LIMITS.textLength}
          error={err?.textNn?.message}
          {...register(`questions.${index}.textNn`)}
        />
        <Textfield
          label={t('surveys.editor.textEn')}
          maxLength={SURVEY_LIMITS.textLength}
          error={err?.textEn?.message}
          {...register(`questions.${index}.textEn`)}
        />
        {(kind === 'single' || kind === 'multiple') &&
          options.fields.map((option, j) => (
            <div className="form__row" key={option.id}>
              <Textfield
                label={t('surveys.editor.optionNn', { n: j + 1 })}
                maxLength={SURVEY_LIMITS.textLength}
                error={err?.options?.[j]?.labelNn?.message}
                {...register(`questions.${index}.options.${j}.labelNn`)}
              />
              <Textfield
                label={t('surveys.editor.optionEn', { n: j + 1 })}
                maxLength={SURVEY_LIMITS.textLength}
                error={err?.options?.[j]?.labelEn?.message}
                {...register(`questions.${index}.options.${j}.labelEn`)}
              />
            </div>
          ))}
      </details>
      <Checkbox label={t('surveys.editor.required')} {...register(`questions.${index}.required`)} />

      {(kind === 'single' || kind === 'multiple') && (
        <Fieldset>
          <Fieldset.Legend>{t('surveys.editor.optionsLegend', { n })}</Fieldset.Legend>
          <ol className="survey-options">
            {options.fields.map((option, j) => (
              <li key={option.id} className="survey-option">
                <Textfield
                  label={t('surveys.editor.optionLabel', { n: j + 1 })}
                  autoComplete="off"
                  maxLength={SURVEY_LIMITS.textLength}
                  error={err?.options?.[j]?.labelNb?.message}
                  {...register(`questions.${index}.options.${j}.labelNb`, {
                    validate: (v) => v.trim() !== '' || t('surveys.editor.optionRequired'),
                  })}
                />
                <Field>
                  <Label>{t('surveys.editor.optionNeed', { n: j + 1 })}</Label>
                  <Select {...register(`questions.${index}.options.${j}.need`)}>
                    <Select.Option value="">{t('surveys.editor.noNeed')}</Select.Option>
                    {NEED_CATEGORIES.map((need) => (
                      <Select.Option key={need} value={need}>
                        {t(`surveys.needs.${need}`)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                <Button
                  type="button"
                  variant="tertiary"
                  data-color="danger"
                  data-size="sm"
                  disabled={options.fields.length <= 2}
                  onClick={() => removeOption(j)}
                  aria-label={t('surveys.editor.removeOption', { n: j + 1, question: n })}
                >
                  <TrashIcon aria-hidden="true" />
                </Button>
              </li>
            ))}
          </ol>
          {err?.options?.root?.message || err?.options?.message ? (
            <ValidationMessage>{err.options.root?.message ?? err.options.message}</ValidationMessage>
          ) : null}
          <div>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              disabled={options.fields.length >= SURVEY_LIMITS.options}
              onClick={() => options.append(emptyOption(options.fields.map((o) => o.key)))}
            >
              <PlusIcon aria-hidden="true" />
              {t('surveys.editor.addOption', { n })}
            </Button>
          </div>
          {kind === 'multiple' && (
            <Textfield
              type="number"
              label={t('surveys.editor.maxChoices')}
              description={t('surveys.editor.maxChoicesHint')}
              min={1}
              max={options.fields.length}
              error={err?.maxChoices?.message}
              {...register(`questions.${index}.maxChoices`, {
                validate: (v) =>
                  v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= options.fields.length)
                    ? true
                    : t('surveys.editor.maxChoicesInvalid', { max: options.fields.length }),
              })}
            />
          )}
        </Fieldset>
      )}

      {kind === 'scale' && (
        <div className="form__row">
          <Textfield
            label={t('surveys.editor.scaleMin')}
            autoComplete="off"
            maxLength={SURVEY_LIMITS.textLength}
            error={err?.scaleMinNb?.message}
            {...register(`questions.${index}.scaleMinNb`)}
          />
          <Textfield
            label={t('surveys.editor.scaleMax')}
            autoComplete="off"
            maxLength={SURVEY_LIMITS.textLength}
            error={err?.scaleMaxNb?.message}
            {...register(`questions.${index}.scaleMaxNb`)}
          />
        </div>
      )}

      {kind === 'number' && (
        <div className="form__row">
          <Textfield
            type="number"
            label={t('surveys.editor.min')}
            error={err?.min?.message}
            {...register(`questions.${index}.min`, {
              validate: (v) => v === '' || Number.isInteger(Number(v)) || t('surveys.editor.wholeNumber'),
            })}
          />
          <Textfield
            type="number"
            label={t('surveys.editor.max')}
            error={err?.max?.message}
            {...register(`questions.${index}.max`, {
              validate: (v, all) => {
                if (v === '') return true;
                if (!Number.isInteger(Number(v))) return t('surveys.editor.wholeNumber');
                const min = all.questions[index]?.min ?? '';
                return min === '' || Number(min) <= Number(v) || t('surveys.editor.maxBelowMin');
              },
            })}
          />
        </div>
      )}

      {(kind === 'scale' || kind === 'text') && (
        <Field>
          <Label>{t('surveys.editor.need')}</Label>
          <Select {...register(`questions.${index}.need`)}>
            <Select.Option value="">{t('surveys.editor.noNeed')}</Select.Option>
            {NEED_CATEGORIES.map((need) => (
              <Select.Option key={need} value={need}>
                {t(`surveys.needs.${need}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}

      <div className="survey-question__actions" role="group" aria-label={t('surveys.editor.questionActions', { n })}>
        <Button id={`${prefix}-up`} type="button" variant="tertiary" data-size="sm" disabled={index === 0} onClick={() => onMove(-1)}>
          <ArrowUpIcon aria-hidden="true" />
          {t('surveys.editor.moveUp')}
          <span className="visually-hidden">{t('surveys.editor.questionN', { n })}</span>
        </Button>
        <Button
          id={`${prefix}-down`}
          type="button"
          variant="tertiary"
          data-size="sm"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          <ArrowDownIcon aria-hidden="true" />
          {t('surveys.editor.moveDown')}
          <span className="visually-hidden">{t('surveys.editor.questionN', { n })}</span>
        </Button>
        <Button type="button" variant="tertiary" data-color="danger" data-size="sm" onClick={onRemove}>
          <TrashIcon aria-hidden="true" />
          {t('surveys.editor.removeQuestion')}
          <span className="visually-hidden">{t('surveys.editor.questionN', { n })}</span>
        </Button>
      </div>
    </Fieldset>
  );
}
