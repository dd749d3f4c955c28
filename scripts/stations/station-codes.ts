import type { BasinCode } from '../../libs/domain/src/stations/basins';
import type { SeededRandom } from '@hydro/simulation';

/*
 * Synthetic station codes: '7' (the south-east rivers, 东南诸河, in the national scheme), two digits for the
 * basin (our own choice, not the official river-system digits), five random digits.
 */
const BASIN_DIGITS: Readonly<Record<BasinCode, string>> = {
  ou: '05',
  feiyun: '06',
  ao: '07',
  wenrui: '08',
  coastal: '09',
};

/** Share of RTUs addressed by their station code in BCD ('00' + code), as SL 651 deployments commonly do. */
const CODE_ADDRESSED_SHARE = 0.85;

/** Hands out station ids and RTU addresses, each unique across the registry. */
export class StationCodes {
  private readonly ids = new Set<string>();
  private readonly addresses = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  stationId(basin: BasinCode): string {
    return this.unique(this.ids, () => `7${BASIN_DIGITS[basin]}${this.random.digits(5, 10)}`);
  }

  /** Most RTUs carry the station code; replaced or vendor-configured ones have an address of their own. */
  rtuAddress(stationId: string): string {
    const byCode = `00${stationId}`;
    if (this.random.chance(CODE_ADDRESSED_SHARE) && !this.addresses.has(byCode)) {
      this.addresses.add(byCode);
      return byCode;
    }
    return this.unique(this.addresses, () => this.random.digits(10, 16));
  }

  private unique(used: Set<string>, draw: () => string): string {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const code = draw();
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
    throw new Error('StationCodes: code space exhausted');
  }
}
