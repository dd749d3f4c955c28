/**
 * The national four-colour warning scale, least to most severe: blue (IV), yellow (III), orange (II),
 * red (I). The array order is the rank, so comparisons never depend on the colour names.
 */
export const SEVERITIES = ['blue', 'yellow', 'orange', 'red'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Roman numeral of each level as warnings are issued: the most severe is level I. */
export const SEVERITY_NUMERALS: Readonly<Record<Severity, string>> = {
  blue: 'IV',
  yellow: 'III',
  orange: 'II',
  red: 'I',
};

export function isSeverity(name: string): name is Severity {
  return (SEVERITIES as readonly string[]).includes(name);
}

/** 0 for blue up to 3 for red. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Negative when a is less severe than b, zero when equal, positive when more severe (a sort comparator). */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(a) - severityRank(b);
}

export function moreSevere(a: Severity, b: Severity): Severity {
  return compareSeverity(a, b) >= 0 ? a : b;
}
