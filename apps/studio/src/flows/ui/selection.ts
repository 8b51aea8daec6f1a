/** What the property panel shows: one step, one connection, or nothing. */
export type Selection = { readonly kind: 'node' | 'edge'; readonly id: string } | null;
