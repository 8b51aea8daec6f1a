/**
 * Which top-level fields of the data a definition's rules can read, found from the rules' text, so
 * that the scope rules run on (rule-scope.ts) copies those fields only instead of the whole record.
 *
 * json-logic reads data through `var`, `missing` and `missing_some` only. A read is known when its
 * path is literal text (or a number); it is unknown when the path is computed while the rule runs
 * (`{"var": {"cat": …}}`, `missing` over an operation's result) or when the rule reads the whole
 * data (`{"var": ""}`, which could even return the scope). Any unknown read, a rule nested deeper
 * than we walk, or an operator not in @trellis/rules' set makes the answer `null`: the scope then
 * gets every field. Reads inside an iterator's per-item logic are read from the items, but are
 * counted anyway: a superset is safe.
 */
import { isOperator, type Rule } from '@trellis/rules';

/** Far deeper than save-time checks allow (rules' maxDepth), shallow enough for the stack. */
const MAX_DEPTH = 256;

class Reads {
  readonly keys = new Set<string>();

  /** False when the rule may read something not listed. */
  rule(node: Rule, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    if (Array.isArray(node)) return node.every((item) => this.rule(item, depth + 1));
    if (node === null || typeof node !== 'object') return true;
    const ops = Object.keys(node);
    // an object with other than one key is data, which json-logic returns as it is
    if (ops.length !== 1) return true;
    const op = ops[0] as string;
    const value = node[op] as Rule;
    const args: readonly Rule[] = Array.isArray(value) ? value : [value];
    const rest = (from: number): boolean => args.slice(from).every((arg) => this.rule(arg, depth + 1));
    switch (op) {
      case 'var':
        // the default (second argument) is an ordinary rule
        return this.path(args[0]) && rest(1);
      case 'missing': {
        const keys = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
        return keys.every((key) => this.path(key));
      }
      case 'missing_some': {
        const keys = args[1];
        return Array.isArray(keys) && keys.every((key) => this.path(key)) && this.rule(args[0] as Rule, depth + 1);
      }
      default:
        // an operator of another engine (FormDeps.rules) might read the data in its own way
        return isOperator(op) && rest(0);
    }
  }

  private path(path: Rule | undefined): boolean {
    if (typeof path !== 'string' && typeof path !== 'number') return false;
    const text = String(path);
    if (text === '') return false;
    this.keys.add(text.split('.')[0] as string);
    return true;
  }
}

/** The top-level keys the rules may read, or null when any rule may read others. */
export function topLevelReads(rules: readonly Rule[]): ReadonlySet<string> | null {
  const reads = new Reads();
  for (const rule of rules) if (!reads.rule(rule, 0)) return null;
  return reads.keys;
}
