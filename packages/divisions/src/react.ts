import { useEffect, useState } from 'react';
import { childrenOf, loadDivisions, type AddressValue, type Division } from './index.js';

/** The lists an address field offers for its value; empty while the divisions load. */
export interface AddressLevels {
  readonly loading: boolean;
  readonly province: readonly Division[];
  readonly city: readonly Division[];
  readonly district: readonly Division[];
}

/** Loads the divisions on first use (the UI's address fields share this). */
export function useAddressLevels(value: AddressValue): AddressLevels {
  const [provinces, setProvinces] = useState<readonly Division[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadDivisions().then((list) => { if (live) setProvinces(list); });
    return () => { live = false; };
  }, []);
  const city = childrenOf(provinces ?? [], value.province);
  return { loading: provinces === null, province: provinces ?? [], city, district: childrenOf(city, value.city) };
}
