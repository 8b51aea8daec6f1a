/** What an audit entry changed: the top-level fields whose values differ between before and after. */
export function changedFields(before: unknown, after: unknown): string[] {
  const data = (value: unknown): Record<string, unknown> => {
    if (value === null || typeof value !== 'object') return {};
    // audit entries of records hold the whole record; its fields are under `data`
    const inner = (value as { data?: unknown }).data;
    return inner !== null && typeof inner === 'object' ? inner as Record<string, unknown> : value as Record<string, unknown>;
  };
  const a = data(before);
  const b = data(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}
