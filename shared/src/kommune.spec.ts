import { COUNTY_NAMES, isCountyName } from './counties';
import { countyOfKommuneNumber, kommuneNumberCountyMismatch } from './kommune';

describe('kommune numbers', () => {
  it('belong to the county of their first two digits', () => {
    expect(countyOfKommuneNumber('3303')).toBe('Buskerud');
    expect(countyOfKommuneNumber('4026')).toBe('Telemark');
    expect(countyOfKommuneNumber('3401')).toBe('Innlandet');
    expect(countyOfKommuneNumber('0301')).toBe('Oslo');
  });
  it('name no county when old, malformed or unknown', () => {
    expect(countyOfKommuneNumber('0604')).toBeUndefined();
    expect(countyOfKommuneNumber('33')).toBeUndefined();
    expect(countyOfKommuneNumber('abcd')).toBeUndefined();
  });
  it('explains a mismatch between number and county', () => {
    expect(kommuneNumberCountyMismatch('3303', 'Buskerud')).toBeNull();
    expect(kommuneNumberCountyMismatch('4005', 'Buskerud')).toBe('Kommune number 4005 belongs to Telemark, not Buskerud.');
    expect(kommuneNumberCountyMismatch('9999', 'Buskerud')).toMatch(/does not begin with the number of a current county/);
  });
  it('has the 15 counties of 2024', () => {
    expect(COUNTY_NAMES).toHaveLength(15);
    expect(isCountyName('Viken')).toBe(false);
    expect(isCountyName('Trøndelag')).toBe(true);
  });
});
