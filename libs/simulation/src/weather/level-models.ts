import { responseCumulative, responseDensity } from '../math/response';
import { noiseBetween, STREAM } from '../random/noise';
import type { LevelProfile, PlainProfile, ReservoirProfile, RiverProfile, TideProfile } from './station-profile';

/*
 * Water level of each kind of gauge at `hours` after the simulated start, in metres on the
 * station's datum. Without a storm the response terms are zero and levels sit near their base.
 */

/** Principal lunar semi-diurnal (M2) and solar (S2) periods, hours. */
export const M2_PERIOD_HOURS = 12.4206;
const S2_PERIOD_HOURS = 12;
/** A spring tide (M2 and S2 in phase) a few days after the new moon of 15 September 2023. */
const SPRING_TIDE_REFERENCE_MS = Date.UTC(2023, 8, 16, 12);
const S2_RATIO = 0.15;
const M4_RATIO = 0.08;

export function waterLevel(profile: LevelProfile, hours: number, epochMs: number, key: number, slot: number): number {
  const jitter = noiseBetween(key, STREAM.level, -0.005, 0.005, slot);
  switch (profile.kind) {
    case 'river':
      return riverLevel(profile, hours) + jitter;
    case 'plain':
      return plainLevel(profile, hours) + jitter;
    case 'reservoir':
      return reservoirLevel(profile, hours) + jitter / 2;
    case 'tide':
      return tideLevel(profile, hours, epochMs) + 2 * jitter;
  }
}

function riverLevel(p: RiverProfile, hours: number): number {
  const wander = 0.04 * Math.sin((2 * Math.PI * hours) / 31 + p.phase);
  const flood = p.rise === 0 ? 0 : (p.rise * responseDensity(p.pulse, hours)) / p.peakDensity;
  return p.normal + wander + flood;
}

/** The Wen-Rui network is drawn down by its sluices before a typhoon, then fills and drains slowly. */
function plainLevel(p: PlainProfile, hours: number): number {
  const regulation = -0.05 + 0.04 * Math.sin((2 * Math.PI * hours) / 24 + p.phase);
  if (p.rise === 0) return p.normal + regulation;
  const pass = p.pulse.centre - 3;
  const drawn = smoothStep(pass - 24, pass - 12, hours) * (1 - smoothStep(pass + 24, pass + 48, hours));
  return p.normal + regulation - p.drawdown * drawn + (p.rise * responseDensity(p.pulse, hours)) / p.peakDensity;
}

/**
 * Inflow is stored until the flood limit; above it the operators open the gates: the level
 * overshoots by a third of the excess and is brought back to the flood limit within a day or two.
 */
function reservoirLevel(p: ReservoirProfile, hours: number): number {
  const generation = Math.min(0.5, 0.002 * Math.max(0, hours));
  const raw = p.startLevel - generation + (p.storedRise === 0 ? 0 : p.storedRise * responseCumulative(p.pulse, hours));
  if (raw <= p.floodLimit) return raw;
  const release = Math.exp(-Math.max(0, hours - (p.pulse.centre + 12)) / 24);
  return p.floodLimit + 0.35 * (raw - p.floodLimit) * release;
}

function tideLevel(p: TideProfile, hours: number, epochMs: number): number {
  const sinceSpring = (epochMs - SPRING_TIDE_REFERENCE_MS) / 3_600_000 - p.lagHours;
  const m2 = (2 * Math.PI * sinceSpring) / M2_PERIOD_HOURS;
  const s2 = (2 * Math.PI * sinceSpring) / S2_PERIOD_HOURS;
  const astronomical = p.amplitude * (Math.cos(m2) + S2_RATIO * Math.cos(s2) + M4_RATIO * Math.cos(2 * m2 - 0.6));
  const z = (hours - p.surgeCentre) / 8;
  return p.meanLevel + astronomical + p.surge * Math.exp(-0.5 * z * z);
}

function smoothStep(from: number, to: number, x: number): number {
  const u = Math.max(0, Math.min(1, (x - from) / (to - from)));
  return u * u * (3 - 2 * u);
}
