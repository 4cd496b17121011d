import type { TFunction } from 'i18next';
/** The server's rule for new passwords (NewPasswordDto: 12–200 characters), checked before sending. */
export const PASSWORD_MIN_LENGTH = 12;

/** The rule of a new password (NewPasswordDto): at least PASSWORD_MIN_LENGTH characters, with a translated message. */
export function newPasswordRules(t: TFunction) {
  return { minLength: { value: PASSWORD_MIN_LENGTH, message: t('auth.password.tooShort', { count: PASSWORD_MIN_LENGTH }) } };
}
