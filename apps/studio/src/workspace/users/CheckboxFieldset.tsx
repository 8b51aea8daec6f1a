/** A fieldset of checkboxes choosing some of `options` by value; ticking one adds it after those already chosen. */
export function CheckboxFieldset({ legend, options, chosen, onChange }: {
  legend: string;
  options: readonly { readonly value: string; readonly label: string }[];
  chosen: readonly string[];
  onChange: (chosen: readonly string[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <ul className="column-picker">
        {options.map((o) => (
          <li key={o.value}>
            <label>
              <input type="checkbox" checked={chosen.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((x) => x !== o.value))} />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
