import type { Field } from '@trellis/conditions';
import type { Rule, TraceNode } from '@trellis/rules';
import { formulaAt } from '../formula/at-path.js';
import { useLocale } from '../i18n/i18n.js';

const show = (value: unknown): string => JSON.stringify(value) ?? 'null';

/**
 * The explanation of a result: every evaluated sub-expression with the value it gave, nested as in
 * the rule; given the rule, each is named by its formula rather than its operator.
 */
export function TraceView({ node, fields, rule }: { node: TraceNode; fields: readonly Field[]; rule?: Rule }) {
  const { pick } = useLocale();
  if (node.op === 'var') {
    const path = node.args[0]?.value;
    const field = fields.find((f) => f.path === path);
    return (
      <span className="trace-leaf">
        <span className="trace-field">{field === undefined ? show(path) : pick(field.label)}</span> = <code>{show(node.value)}</code>
      </span>
    );
  }
  // literals, and lists of literals, explain nothing beyond their value
  if (node.op === null && node.args.every((arg) => arg.op === null && arg.args.length === 0)) {
    return <code className="trace-literal">{show(node.value)}</code>;
  }
  const verdict = node.value === true ? 'true' : node.value === false ? 'false' : 'other';
  return (
    <details open className="trace-node">
      <summary>
        <code>{(rule === undefined ? null : formulaAt(rule, node.path)) ?? node.op ?? '[…]'}</code> → <code className={`trace-value ${verdict}`}>{show(node.value)}</code>
      </summary>
      <ul>
        {node.args.map((arg) => <li key={arg.path}><TraceView node={arg} fields={fields} rule={rule} /></li>)}
      </ul>
    </details>
  );
}
