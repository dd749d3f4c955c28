/*
 * Rule files written to diff well: one field per line, one threshold, schedule window or rule per line
 * group, short arrays and small objects inline. A change to one level shows as one changed line.
 */

/** Objects written as blocks of one field per line; any other object is written inline. */
const BLOCK_OBJECTS = new Set(['area', 'contacts']);
/** Arrays of objects written one item per line; any other array is written inline. */
const LISTED_ARRAYS = new Set(['thresholds', 'schedule']);

export interface RenderableRuleFile {
  readonly version: number;
  readonly defaults?: object;
  readonly rules: readonly object[];
}

export function renderRuleFile(file: RenderableRuleFile): string {
  const lines = ['{', `  "version": ${file.version},`];
  if (file.defaults !== undefined) lines.push(`  "defaults": ${inline(file.defaults)},`);
  const rules = file.rules.map((rule) => block(rule, '    '));
  lines.push(rules.length === 0 ? '  "rules": []' : `  "rules": [\n${rules.join(',\n')}\n  ]`, '}');
  return `${lines.join('\n')}\n`;
}

function block(value: object, indent: string): string {
  const inner = `${indent}  `;
  const fields = Object.entries(value)
    .filter(([, field]) => field !== undefined)
    .map(([key, field]) => `${inner}${JSON.stringify(key)}: ${fieldText(key, field, inner)}`);
  return `${indent}{\n${fields.join(',\n')}\n${indent}}`;
}

function fieldText(key: string, value: unknown, indent: string): string {
  if (BLOCK_OBJECTS.has(key) && isPlainObject(value)) return block(value, indent).trimStart();
  if (LISTED_ARRAYS.has(key) && Array.isArray(value) && value.length > 0) {
    return `[\n${value.map((item) => `${indent}  ${inline(item)}`).join(',\n')}\n${indent}]`;
  }
  return inline(value);
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (isPlainObject(value)) {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => `${JSON.stringify(key)}: ${inline(field)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
