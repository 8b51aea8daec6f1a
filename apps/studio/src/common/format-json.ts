/**
 * JSON laid out for reading rules: anything that fits on a line stays on one line
 * ({"var": "region"}), larger objects and lists open up one level at a time.
 */
export function formatJson(value: unknown, width = 64, indent = ''): string {
  const flat = JSON.stringify(value) ?? 'null';
  if (flat.length + indent.length <= width || value === null || typeof value !== 'object') return spaced(flat);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + formatJson(v, width, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, width, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/** A space after separators, outside strings: {"a": [1, 2]} rather than {"a":[1,2]}. */
function spaced(flat: string): string {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const c of flat) {
    out += c;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ',' || c === ':') out += ' ';
  }
  return out;
}
