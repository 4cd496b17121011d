import { applyDecorators, Param, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isIsoDate } from '@nvr/shared';
import { Transform, Type } from 'class-transformer';
import {
  IsNotEmpty,
  IsObject,
  IsString,
  ValidateNested,
  IsUUID,
  MaxLength,
  ValidateIf,
  registerDecorator,
  ValidationOptions,
} from 'class-validator';
import { DomainError, FieldError } from './domain-error';

/** The one ValidationPipe: unknown fields are refused, and every message names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new DomainError('VALIDATION_FAILED', fields.flatMap((f) => f.messages).join('; ') || 'The request is not valid.', fields);
    },
  });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints).map((m) => m.replace(e.property, field)) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * An optional field: it may be left out, but a field that is sent must hold a value. (class-validator's
 * IsOptional also lets null through, which reaches services as "no value" where they expect one; use
 * this instead, and OptionalText/OptionalDate with `nullable` where null means "clear it".)
 */
export function Optional(options: { nullMeansUnchanged?: boolean } = {}) {
  // Some updates document null as "leave it as it is"; their services treat null like a missing field.
  if (options.nullMeansUnchanged) return ValidateIf((_, v) => v !== null && v !== undefined);
  return applyDecorators(
    ValidateIf((_, v) => v !== undefined),
    NotNull(),
  );
}

function NotNull() {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotNull',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must not be null; leave it out to keep it as it is' },
      validator: { validate: (value: unknown) => value !== null },
    });
}

/**
 * A nested object (or, with `each`, an array of them) validated as `type`. Unlike ValidateNested alone,
 * an array where an object belongs, or an array inside the array, is refused instead of being walked
 * into and handed to the service.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-transformer's own signature
export function Nested(type: () => Function, options: { each?: boolean } = {}) {
  const each = options.each ?? false;
  return applyDecorators(
    Type(type),
    IsObject({ each, message: each ? 'each of $property must be an object' : '$property must be an object' }),
    ValidateNested({ each }),
  );
}

/**
 * A finite number with at most `places` decimals. (class-validator's `maxDecimalPlaces` throws on numbers
 * it prints in exponent form, such as 5e-324, which turned a bad input into a 500.)
 */
export function DecimalNumber(places: number, message = `$property must be a number with at most ${places} decimal(s)`) {
  const scale = 10 ** places;
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'decimalNumber',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' && Number.isFinite(value) && Math.abs(value * scale - Math.round(value * scale)) < 1e-6,
      },
    });
}

const trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A required piece of text: trimmed, not empty, at most `max` characters. */
export function RequiredText(options: { max: number; example?: string; description?: string }) {
  return applyDecorators(
    ApiProperty({ type: String, maxLength: options.max, example: options.example, description: options.description }),
    trim(),
    IsString(),
    IsNotEmpty({ message: '$property must not be empty' }),
    MaxLength(options.max, { message: `$property must be at most ${options.max} characters` }),
  );
}

/** Optional text; on update, a present value must not be empty. */
export function OptionalText(options: { max: number; example?: string; description?: string; nullable?: boolean }) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      maxLength: options.max,
      example: options.example,
      description: options.description,
      nullable: options.nullable,
    }),
    trim(),
    options.nullable ? ValidateIf((_, v) => v !== null && v !== undefined) : Optional(),
    IsString(),
    ...(options.nullable ? [] : [IsNotEmpty({ message: '$property must not be empty' })]),
    MaxLength(options.max, { message: `$property must be at most ${options.max} characters` }),
  );
}

export function IsIsoDate(validationOptions?: ValidationOptions) {
  return (object: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: object.constructor,
      propertyName: String(propertyName),
      options: { message: `$property must be a real date written YYYY-MM-DD`, ...validationOptions },
      validator: { validate: (value: unknown) => typeof value === 'string' && isIsoDate(value) },
    });
}

/** A required calendar date 'YYYY-MM-DD'. */
export function RequiredDate(options: { example?: string; description?: string } = {}) {
  return applyDecorators(ApiProperty({ type: String, format: 'date', ...options }), IsIsoDate());
}

/** An optional calendar date; null clears it. */
export function OptionalDate(options: { example?: string; description?: string; nullable?: boolean } = {}) {
  return applyDecorators(
    ApiPropertyOptional({
      type: String,
      format: 'date',
      nullable: options.nullable,
      example: options.example,
      description: options.description,
    }),
    ValidateIf((_, v) => v !== null && v !== undefined),
    IsIsoDate(),
  );
}

export function ValidateUUID(options: { description?: string } = {}) {
  return applyDecorators(ApiProperty({ format: 'uuid', ...options }), IsUUID('all', { message: '$property must be a UUID' }));
}

/** A UUID path parameter; anything else answers 400 naming the parameter. */
export function IdParam(name = 'id'): ParameterDecorator {
  const message = `${name} in the address must be a UUID`;
  return Param(
    name,
    new ParseUUIDPipe({ exceptionFactory: () => new DomainError('VALIDATION_FAILED', message, [{ field: name, messages: [message] }]) }),
  );
}
