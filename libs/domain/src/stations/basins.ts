import type { DistrictCode } from './districts';

/** The river basins dispatch groups stations by. */
export const BASIN_CODES = ['ou', 'feiyun', 'ao', 'wenrui', 'coastal'] as const;
export type BasinCode = (typeof BASIN_CODES)[number];

export interface Basin {
  readonly code: BasinCode;
  /** Chinese name, as in flood-control plans. */
  readonly name: string;
  readonly nameEn: string;
  /** Districts with land in the basin: a hint for maps and checks, not an exclusive list. */
  readonly districts: readonly DistrictCode[];
}

/** Keyed by code so that adding a code without its entry fails to compile. */
export const BASINS: Readonly<Record<BasinCode, Basin>> = {
  // The Nanxi River (楠溪江) joins the Ou at Yongjia; flood plans treat it as part of the Ou basin.
  ou: {
    code: 'ou',
    name: '瓯江',
    nameEn: 'Ou River (incl. Nanxi River)',
    districts: ['yongjia', 'lucheng', 'ouhai', 'longwan'],
  },
  feiyun: {
    code: 'feiyun',
    name: '飞云江',
    nameEn: 'Feiyun River',
    districts: ['taishun', 'wencheng', 'ruian'],
  },
  ao: {
    code: 'ao',
    name: '鳌江',
    nameEn: 'Ao River',
    districts: ['pingyang', 'cangnan', 'longgang'],
  },
  // The Wen-Rui plain river network: sluice-regulated canals between the Ou and the Feiyun.
  wenrui: {
    code: 'wenrui',
    name: '温瑞塘河',
    nameEn: 'Wen-Rui plain river network',
    districts: ['lucheng', 'ouhai', 'longwan', 'ruian'],
  },
  // Short coastal rivers (Yueqing Bay, southern Cangnan) and the islands: tide gauges mostly.
  coastal: {
    code: 'coastal',
    name: '沿海诸河及海岛',
    nameEn: 'Coastal rivers and islands',
    districts: ['dongtou', 'yueqing', 'longwan', 'ruian', 'pingyang', 'cangnan'],
  },
};

export function isBasinCode(code: string): code is BasinCode {
  return (BASIN_CODES as readonly string[]).includes(code);
}
