/** The measured quantities a report may carry. Units are fixed by the message contract. */
export const ELEMENTS = ['water_level', 'rainfall', 'flow', 'battery_voltage'] as const;
export type Element = (typeof ELEMENTS)[number];

export const ELEMENT_UNITS: Readonly<Record<Element, string>> = {
  water_level: 'm',
  rainfall: 'mm',
  flow: 'm3/s',
  battery_voltage: 'V',
};

export function isElement(name: string): name is Element {
  return (ELEMENTS as readonly string[]).includes(name);
}
