import { BASIN_CODES, BASINS, isBasinCode } from './basins';
import { isDistrictCode } from './districts';

describe('basins', () => {
  it('catalogues each basin under its own code, with districts from the district catalogue', () => {
    for (const code of BASIN_CODES) {
      expect(BASINS[code].code).toBe(code);
      expect(BASINS[code].districts.length).toBeGreaterThan(0);
      expect(BASINS[code].districts.every(isDistrictCode)).toBe(true);
    }
  });

  it('recognises basin codes', () => {
    expect(isBasinCode('feiyun')).toBe(true);
    expect(isBasinCode('nanxi')).toBe(false); // part of the Ou basin, not a basin of its own
  });
});
