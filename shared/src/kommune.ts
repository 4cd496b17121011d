import { countyByNumber, CountyName } from './counties';

/** A kommune number: four digits, the first two being the county's number (e.g. 3303 Kongsberg in Buskerud). */
export const KOMMUNE_NUMBER_PATTERN = /^\d{4}$/;

export function isKommuneNumber(value: string): boolean {
  return KOMMUNE_NUMBER_PATTERN.test(value);
}

/** The county a kommune number belongs to, or undefined when its first two digits name no current county. */
export function countyOfKommuneNumber(number: string): CountyName | undefined {
  if (!isKommuneNumber(number)) return undefined;
  return countyByNumber(number.slice(0, 2));
}

/** Explains why a number and county do not fit together, or returns null when they do. */
export function kommuneNumberCountyMismatch(number: string, county: string): string | null {
  const expected = countyOfKommuneNumber(number);
  if (expected === undefined) {
    return `Kommune number ${number} does not begin with the number of a current county.`;
  }
  if (expected !== county) {
    return `Kommune number ${number} belongs to ${expected}, not ${county}.`;
  }
  return null;
}
