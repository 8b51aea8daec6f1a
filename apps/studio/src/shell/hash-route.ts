import { useEffect, useState } from 'react';

/** The route in the URL hash: `#/apps/prm/forms/partner` → ['apps', 'prm', 'forms', 'partner']. */
export function parseHash(hash: string): string[] {
  return hash.replace(/^#\/?/, '').split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
}

export function hrefOf(...parts: readonly string[]): string {
  return `#/${parts.map((p) => encodeURIComponent(p)).join('/')}`;
}

/** Screens are addressed by the URL hash, so a link or a reload lands on the same screen. */
export function useHashRoute(): string[] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
