import type { DistrictCode } from '../../libs/domain/src/stations/districts';
import { DISTRICT_CODES } from '../../libs/domain/src/stations/districts';
import type { StationKind } from '../../libs/domain/src/stations/station';

/** The network as DOMAIN.md describes it: about 1,418 stations, 791 of them with a BeiDou channel. */
export const STATION_COUNT = 1418;
export const BEIDOU_COUNT = 791;

/** Rain gauges ~60 %, river ~20 %, plain network ~10 %, reservoirs ~8 %, tide ~2 %; sums to STATION_COUNT. */
export const KIND_COUNTS: Readonly<Record<StationKind, number>> = {
  rain: 851,
  river: 284,
  plain_network: 142,
  reservoir: 113,
  tide: 28,
};

type Weights = Readonly<Partial<Record<DistrictCode, number>>>;

/** Where each kind of station is, relatively: rain gauges crowd the mountains, tide gauges the coast. */
export const DISTRICT_WEIGHTS: Readonly<Record<StationKind, Weights>> = {
  rain: {
    yongjia: 18,
    wencheng: 14,
    taishun: 14,
    yueqing: 12,
    ruian: 12,
    pingyang: 10,
    cangnan: 10,
    ouhai: 4,
    lucheng: 2,
    longwan: 1.5,
    dongtou: 1.5,
    longgang: 1,
  },
  // Along the Ou (Yongjia, the city), the Feiyun (Wencheng, Taishun, Rui'an) and the Ao (Pingyang, Cangnan, Longgang).
  river: {
    yongjia: 60,
    ruian: 40,
    wencheng: 35,
    pingyang: 35,
    taishun: 30,
    cangnan: 25,
    yueqing: 20,
    lucheng: 15,
    ouhai: 12,
    longgang: 10,
    longwan: 4,
  },
  // The Wen-Rui plain network lies between the Ou and the Feiyun.
  plain_network: { lucheng: 3, ouhai: 4, longwan: 3, ruian: 4 },
  // Shanxi (珊溪) in Wencheng/Taishun, Zeya (泽雅) in Ouhai, and many small reservoirs in the hills.
  reservoir: {
    wencheng: 22,
    taishun: 18,
    yongjia: 15,
    yueqing: 12,
    ruian: 10,
    pingyang: 10,
    cangnan: 10,
    ouhai: 8,
    dongtou: 4,
    lucheng: 3,
    longwan: 2,
  },
  // The Ou mouth (Lucheng, Longwan), the islands, and the Feiyun and Ao mouths.
  tide: { dongtou: 7, longwan: 4, lucheng: 2, yueqing: 3, ruian: 3, pingyang: 2, longgang: 3, cangnan: 4 },
};

/**
 * Splits `total` in proportion to `weights` with whole numbers summing exactly to `total`
 * (largest remainder; ties go to the district listed first in DISTRICT_CODES).
 */
export function allocate(total: number, weights: Weights): Map<DistrictCode, number> {
  const districts = DISTRICT_CODES.filter((code) => (weights[code] ?? 0) > 0);
  const sum = districts.reduce((acc, code) => acc + (weights[code] ?? 0), 0);
  const shares = districts.map((code) => {
    const exact = (total * (weights[code] ?? 0)) / sum;
    return { code, count: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((acc, share) => acc + share.count, 0);
  for (const share of [...shares].sort((a, b) => b.remainder - a.remainder)) {
    if (left === 0) {
      break;
    }
    share.count += 1;
    left -= 1;
  }
  return new Map(shares.map((share) => [share.code, share.count]));
}
