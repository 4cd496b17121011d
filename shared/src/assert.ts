/** Compile-time exhaustiveness check for switch statements over union types. */
export function assertUnreachable(value: never, message = 'Unexpected value'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
