import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isText } from '@nvr/shared';
import { registerDecorator, ValidateIf, type ValidationArguments } from 'class-validator';

/** A template text in each language; an empty nn or en is shown in bokmål. */
export class TextDto {
  @ApiProperty({ example: 'Mål og hovedaktiviteter' }) nb: string;
  @ApiProperty({ example: 'Mål og hovudaktivitetar' }) nn: string;
  @ApiProperty({ example: 'Goals and main activities' }) en: string;
}

const LANGS = ['nb', 'nn', 'en'] as const;

/** Why a template text is not acceptable, or null: a string (read as bokmål) or {nb, nn, en} of strings. */
export function templateTextProblem(value: unknown, options: { max: number; required: boolean }): string | null {
  const texts: unknown[] = typeof value === 'string' ? [value] : isText(value) ? LANGS.map((l) => value[l] ?? '') : [];
  if (!texts.length) return 'must be a text, or an object with the texts nb, nn and en';
  if (isText(value) && Object.keys(value).some((k) => !(LANGS as readonly string[]).includes(k)))
    return 'may only have the texts nb, nn and en';
  if (texts.some((x) => typeof x !== 'string')) return 'must have text in nb, nn and en (an empty nn or en is shown in bokmål)';
  if (texts.some((x) => (x as string).length > options.max)) return `must be at most ${options.max} characters in each language`;
  const nb = typeof value === 'string' ? value : (value as { nb: string }).nb;
  if (options.required && !nb.trim()) return 'must not be empty in bokmål (nb)';
  return null;
}

/**
 * A template text in a request: {nb, nn, en} (nb required when `required`), or a plain string read
 * as bokmål. Saved versions always hold the object.
 */
export function TemplateTextInput(options: { max: number; required: boolean; optional?: boolean; description?: string }) {
  const doc = {
    type: TextDto,
    description: `${options.description ?? ''} Each language at most ${options.max} characters; a plain string is read as bokmål.`.trim(),
  };
  return applyDecorators(
    options.optional ? ApiPropertyOptional(doc) : ApiProperty(doc),
    ...(options.optional ? [ValidateIf((_: unknown, v: unknown) => v !== undefined)] : []),
    (object: object, propertyName: string | symbol) => {
      registerDecorator({
        name: 'isTemplateText',
        target: object.constructor,
        propertyName: String(propertyName),
        options: { message: (args: ValidationArguments) => `$property ${templateTextProblem(args.value, options) ?? 'is not valid'}` },
        validator: { validate: (value: unknown) => templateTextProblem(value, options) === null },
      });
    },
  );
}
