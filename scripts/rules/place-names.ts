import type { SeededRandom } from '@hydro/simulation';

/*
 * Plausible names for synthetic warning areas and the people responsible for them: towns (镇, 乡),
 * administrative villages (村) and their natural villages (自然村), and Wenzhou's common surnames.
 * Made up; any likeness to a real place or person is chance.
 */
const HEADS = [...'岩黄白青石大小上下东西南北龙凤梅桃竹枫松柳高金新古前后双花杨林樟桐茶鹤碧云仙峃珠'];
const LANDFORMS = [...'头口坑岙垟坦溪岭山桥塘湾洋坪源林庄垄田门潭寮岗垵埠'];
const POSITIONS = [...'上下里外后前'];
const SURNAMES = [...'陈林黄王周李张郑吴金胡潘徐叶朱杨蔡池季董薛谢刘邵项缪夏章何赵孙'];
const GIVEN = [...'建国伟明海华志勇军平文斌俊杰丽芳敏静燕秀红春晓东晨林峰涛亮新宏德永胜芬莉'];

/** 镇 (town) most often in the hills, 乡 (township) in the remotest, now and then a 街道 (sub-district). */
export type TownKind = '镇' | '乡' | '街道';

/** Hands out names that do not repeat within their scope (all towns; the villages of one town). */
export class PlaceNamer {
  private readonly towns = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  town(kind: TownKind): string {
    return this.unique(this.towns, () => this.stem() + kind);
  }

  /** An administrative village's name, unique within `taken` (the town's villages so far). */
  village(taken: Set<string>): string {
    return this.unique(taken, () => `${this.stem()}村`);
  }

  /** A natural village (自然村) of an administrative village. */
  naturalVillage(taken: Set<string>): string {
    return this.unique(taken, () => `${this.random.pick(POSITIONS)}${this.random.pick(LANDFORMS)}自然村`);
  }

  person(): string {
    const given = this.random.chance(0.7) ? this.random.pick(GIVEN) + this.random.pick(GIVEN) : this.random.pick(GIVEN);
    return this.random.pick(SURNAMES) + given;
  }

  private stem(): string {
    const head = this.random.pick(HEADS);
    const landform = this.random.pick(LANDFORMS);
    return head === landform ? head + this.random.pick(POSITIONS) : head + landform;
  }

  private unique(taken: Set<string>, draw: () => string): string {
    // Tens of thousands of names per scope: a few retries always suffice.
    for (let attempt = 0; attempt < 1000; attempt++) {
      const name = draw();
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
    throw new Error('PlaceNamer: no unused name left');
  }
}

/**
 * Phone numbers from a range no real subscriber can hold (`+86 000 0000 xxxx`: Chinese mobile numbers
 * start with 1), each handed out once.
 */
export class FictionalPhones {
  private readonly used = new Set<number>();

  constructor(private readonly random: SeededRandom) {}

  next(): string {
    for (let attempt = 0; attempt < 100_000; attempt++) {
      const number = 1 + this.random.index(9999);
      if (!this.used.has(number)) {
        this.used.add(number);
        return `+86 000 0000 ${String(number).padStart(4, '0')}`;
      }
    }
    throw new Error('FictionalPhones: the range is used up');
  }
}
