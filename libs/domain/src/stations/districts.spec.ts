import { DISTRICT_CODES, DISTRICTS, isDistrictCode, isInsideWenzhou, WENZHOU_BOUNDS } from './districts';

describe('districts', () => {
  it('catalogues the 12 county-level districts, each under its own code', () => {
    expect(DISTRICT_CODES).toHaveLength(12);
    for (const code of DISTRICT_CODES) {
      expect(DISTRICTS[code].code).toBe(code);
      expect(DISTRICTS[code].name).toMatch(/[区市县]$/);
    }
  });

  it('places every district centre inside the Wenzhou bounding box', () => {
    for (const code of DISTRICT_CODES) {
      expect(isInsideWenzhou(DISTRICTS[code].centre)).toBe(true);
    }
  });

  it('recognises district codes', () => {
    expect(isDistrictCode('wencheng')).toBe(true);
    expect(isDistrictCode('Wencheng')).toBe(false);
    expect(isDistrictCode('hangzhou')).toBe(false);
  });

  it('includes the box edges and excludes points beyond them', () => {
    expect(isInsideWenzhou({ latitude: WENZHOU_BOUNDS.maxLatitude, longitude: WENZHOU_BOUNDS.minLongitude })).toBe(true);
    expect(isInsideWenzhou({ latitude: 30.27, longitude: 120.15 })).toBe(false); // Hangzhou
    expect(isInsideWenzhou({ latitude: 27.8, longitude: 121.5 })).toBe(false); // open sea
  });
});
