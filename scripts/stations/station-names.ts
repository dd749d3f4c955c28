import type { StationKind } from '../../libs/domain/src/stations/station';
import type { SeededRandom } from '@hydro/simulation';

/*
 * Plausible Wenzhou place names: a head and a landform, as in 岩头, 黄坦, 溪口, 枫林, 石垟;
 * some with a position word (岩坑头, 石垟口). Stations then take a kind-specific suffix (站, 水库, 潮位站).
 */
const HEADS = [...'岩黄白青石大小上下东西南北龙凤梅桃竹枫松柳高金新古前后长双三五九花杨林吴潘周樟桐茶雅'];
const LANDFORMS = [...'头口坑岙垟坦溪岭山桥塘湾洋坪源林港渡埠庄垄田门潭寮'];
const COASTAL_LANDFORMS = [...'屿岙港门澳湾礁'];
const POSITIONS = [...'头口下上里底背尾'];

/** The suffix a station's name carries, by kind and (for rivers and the plain network) what it measures. */
export function stationSuffix(kind: StationKind, options: { measuresFlow: boolean; atSluice: boolean }): string {
  switch (kind) {
    case 'rain':
      return '站';
    case 'river':
      // A 水文站 measures discharge as well as level; a 水位站 only the level.
      return options.measuresFlow ? '水文站' : '水位站';
    case 'plain_network':
      return options.atSluice ? '闸站' : '水位站';
    case 'reservoir':
      return '水库';
    case 'tide':
      return '潮位站';
  }
}

/** Hands out station names that are unique across the whole registry. */
export class StationNamer {
  private readonly used = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  /** Reserves a fixed name (a landmark); false when it is taken already. */
  reserve(name: string): boolean {
    if (this.used.has(name)) {
      return false;
    }
    this.used.add(name);
    return true;
  }

  next(suffix: string, coastal: boolean): string {
    // The name space holds thousands of names per suffix, so a few retries always suffice.
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = this.placeName(coastal) + suffix;
      if (this.reserve(name)) {
        return name;
      }
    }
    throw new Error(`StationNamer: no unused name left for suffix ${suffix}`);
  }

  private placeName(coastal: boolean): string {
    const head = this.random.pick(HEADS);
    const landform = this.random.pick(coastal && this.random.chance(0.6) ? COASTAL_LANDFORMS : LANDFORMS);
    if (this.random.chance(0.6)) {
      return head === landform ? head + this.random.pick(POSITIONS) : head + landform;
    }
    const position = this.random.pick(POSITIONS.filter((p) => p !== landform));
    return head + landform + position;
  }
}
