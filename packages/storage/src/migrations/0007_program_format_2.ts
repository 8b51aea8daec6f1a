/**
 * Incentive programs moved to format version 2 after some were already saved in its shape while
 * still labelled 1 (the format changed before its version did). Those bodies — the ones with
 * `lines` — are relabelled, so re-saving or re-exporting them does not run the 1 → 2 migration on
 * what is already version 2. Their content hash is left as it was: publishing the same program
 * again makes one new, identical version, which is harmless.
 */
export const programFormat2 = `
UPDATE definition_drafts SET body = jsonb_set(body, '{formatVersion}', '2')
 WHERE kind = 'program' AND body->>'formatVersion' = '1' AND body ? 'lines';
UPDATE definition_versions SET body = jsonb_set(body, '{formatVersion}', '2')
 WHERE kind = 'program' AND body->>'formatVersion' = '1' AND body ? 'lines';
`;
