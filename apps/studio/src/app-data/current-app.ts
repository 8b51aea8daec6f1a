/** The app the admin last opened: the rule and table screens work on its definitions. */
const KEY = 'trellis.studio.app';

export function currentAppId(): string | null {
  return globalThis.localStorage?.getItem(KEY) ?? null;
}

export function rememberApp(id: string): void {
  globalThis.localStorage?.setItem(KEY, id);
}
