/** `/entities/2/fields/name~1x` (a JSON Pointer, as ajv reports) → `entities.2.fields.name/x`. */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

export function childPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** `additionalProperties` → `SCHEMA_ADDITIONAL_PROPERTIES`, `false schema` → `SCHEMA_FALSE_SCHEMA`. */
export function keywordCode(keyword: string): string {
  const snake = keyword
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return `SCHEMA_${snake.toUpperCase()}`;
}
