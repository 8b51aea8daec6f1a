/* eslint-disable */
/**
 * GENERATED from the published schema https://trellis.dev/schemas/localized-text/v1.json
 * by packages/definitions/scripts/generate-types.ts. Do not edit: change the schema and run `pnpm gen:types`.
 */

/**
 * A user-visible text in every language Trellis speaks: Simplified Chinese (zh-CN) and English (en). Both are required and non-empty.
 */
export interface LocalizedText {
  /**
   * Simplified Chinese
   */
  'zh-CN': string;
  /**
   * English
   */
  en: string;
}
