/** The server's rule for new passwords (NewPasswordDto: 12–200 characters), checked before sending. */
export const PASSWORD_MIN_LENGTH = 12;
