/**
 * Norway's counties (fylker) from 1 January 2024, with the two-digit number that begins the
 * number of every kommune in the county.
 */
export const COUNTIES = [
  { number: '03', name: 'Oslo' },
  { number: '11', name: 'Rogaland' },
  { number: '15', name: 'Møre og Romsdal' },
  { number: '18', name: 'Nordland' },
  { number: '31', name: 'Østfold' },
  { number: '32', name: 'Akershus' },
  { number: '33', name: 'Buskerud' },
  { number: '34', name: 'Innlandet' },
  { number: '39', name: 'Vestfold' },
  { number: '40', name: 'Telemark' },
  { number: '42', name: 'Agder' },
  { number: '46', name: 'Vestland' },
  { number: '50', name: 'Trøndelag' },
  { number: '55', name: 'Troms' },
  { number: '56', name: 'Finnmark' },
] as const;

export type CountyName = (typeof COUNTIES)[number]['name'];

export const COUNTY_NAMES: readonly CountyName[] = COUNTIES.map((c) => c.name);

export function isCountyName(value: string): value is CountyName {
  return (COUNTY_NAMES as readonly string[]).includes(value);
}

export function countyByNumber(number: string): CountyName | undefined {
  return COUNTIES.find((c) => c.number === number)?.name;
}
