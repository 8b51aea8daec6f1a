import type { OperatorDoc } from './types.js';

/** json-logic-js 2.0.5's operators, as Trellis runs them (same semantics; `var` never reads prototypes). */
export const CORE_OPERATOR_DOCS: readonly OperatorDoc[] = [
  {
    name: 'var', category: 'data', signature: '{"var": path} | {"var": [path, default]}',
    description: {
      en: 'Reads a dot-separated path from the data ("partner.tier", "items.0.price"). "" or null returns the whole data (inside map/filter/…: the current item). A path that is not found gives the default, else null. Only the data\'s own properties are read: `__proto__`, `constructor`, `prototype` and inherited names such as `toString` are never found.',
      'zh-CN': '按点分隔的路径读取数据（"partner.tier"、"items.0.price"）。"" 或 null 返回整个数据（在 map/filter 等内部为当前元素）。找不到路径时返回默认值，没有默认值则为 null。只读取数据自身的属性：`__proto__`、`constructor`、`prototype` 以及 `toString` 等继承的名称永远找不到。',
    },
    examples: [
      { rule: { var: 'partner.tier' }, data: { partner: { tier: 'gold' } }, result: 'gold' },
      { rule: { var: ['region', 'CN'] }, data: {}, result: 'CN' },
      { rule: { var: 'items.1' }, data: { items: ['a', 'b'] }, result: 'b' },
      { rule: { var: 'constructor' }, data: {}, result: null },
    ],
  },
  {
    name: 'missing', category: 'data', signature: '{"missing": [path, …]} | {"missing": [[path, …]]}',
    description: {
      en: 'The paths (in the order given) whose value is null, "" or not found. Takes the paths as arguments, or one array of paths (so it can consume merge/if results). An empty result is falsy.',
      'zh-CN': '返回值为 null、"" 或找不到的路径（按给出的顺序）。路径可逐个作为参数给出，也可作为一个数组给出（以便接收 merge/if 的结果）。空结果为假值。',
    },
    examples: [
      { rule: { missing: ['name', 'email', 'phone'] }, data: { name: 'Acme', email: '' }, result: ['email', 'phone'] },
      { rule: { if: [{ missing: ['name'] }, 'incomplete', 'ok'] }, data: { name: 'Acme' }, result: 'ok' },
    ],
  },
  {
    name: 'missing_some', category: 'data', signature: '{"missing_some": [need, [path, …]]}',
    description: {
      en: 'Empty when at least `need` of the paths have values; otherwise the missing paths, as `missing` gives them.',
      'zh-CN': '至少有 `need` 个路径有值时返回空数组；否则返回缺失的路径（与 `missing` 相同）。',
    },
    examples: [
      { rule: { missing_some: [1, ['phone', 'email']] }, data: { email: 'a@example.com' }, result: [] },
      { rule: { missing_some: [2, ['phone', 'email', 'wechat']] }, data: { email: 'a@example.com' }, result: ['phone', 'wechat'] },
    ],
  },
  {
    name: 'if', category: 'logic', signature: '{"if": [cond1, then1, cond2, then2, …, else?]}',
    description: {
      en: 'The value of the first `then` whose condition is truthy, else the `else` value, else null. Only the conditions up to the first truthy one and the chosen value are evaluated. Truthiness is JSON Logic\'s: 0, "", null, false and [] are falsy; everything else ("0", {}) is truthy.',
      'zh-CN': '返回第一个条件为真的 `then` 值，都不为真时返回 `else` 值，没有 `else` 则为 null。只求值到第一个为真的条件以及被选中的值。真假按 JSON Logic 规则：0、""、null、false 和 [] 为假，其余（"0"、{}）为真。',
    },
    examples: [
      { rule: { if: [{ '>=': [{ var: 'score' }, 90] }, 'A', { '>=': [{ var: 'score' }, 75] }, 'B', 'C'] }, data: { score: 80 }, result: 'B' },
      { rule: { if: [false, 'x'] }, result: null },
    ],
  },
  {
    name: '?:', category: 'logic', signature: '{"?:": [cond, then, else]}',
    description: { en: 'Same as `if`.', 'zh-CN': '与 `if` 相同。' },
    examples: [{ rule: { '?:': [{ var: 'vip' }, 0.1, 0] }, data: { vip: true }, result: 0.1 }],
  },
  {
    name: 'and', category: 'logic', signature: '{"and": [a, b, …]}',
    description: {
      en: 'The first falsy argument, or the last argument if all are truthy (not necessarily a boolean). Stops evaluating at the first falsy argument.',
      'zh-CN': '返回第一个为假的参数；都为真时返回最后一个参数（不一定是布尔值）。遇到第一个为假的参数即停止求值。',
    },
    examples: [
      { rule: { and: [true, 'yes', 3] }, result: 3 },
      { rule: { and: [{ var: 'active' }, { '>': [{ var: 'sales' }, 0] }] }, data: { active: false, sales: 5 }, result: false },
    ],
  },
  {
    name: 'or', category: 'logic', signature: '{"or": [a, b, …]}',
    description: {
      en: 'The first truthy argument, or the last argument if none is truthy. Stops evaluating at the first truthy argument.',
      'zh-CN': '返回第一个为真的参数；都不为真时返回最后一个参数。遇到第一个为真的参数即停止求值。',
    },
    examples: [
      { rule: { or: [{ var: 'nickname' }, { var: 'name' }] }, data: { nickname: '', name: 'Acme' }, result: 'Acme' },
      { rule: { or: [0, null] }, result: null },
    ],
  },
  {
    name: '!', category: 'logic', signature: '{"!": [a]}',
    description: { en: 'true when the argument is falsy (JSON Logic truthiness: [] is falsy).', 'zh-CN': '参数为假时返回 true（按 JSON Logic 真假规则，[] 为假）。' },
    examples: [{ rule: { '!': [[]] }, result: true }, { rule: { '!': { var: 'approved' } }, data: { approved: true }, result: false }],
  },
  {
    name: '!!', category: 'logic', signature: '{"!!": [a]}',
    description: { en: 'The argument\'s truthiness as a boolean.', 'zh-CN': '把参数的真假转换为布尔值。' },
    examples: [{ rule: { '!!': ['0'] }, result: true }, { rule: { '!!': [[]] }, result: false }],
  },
  {
    name: '==', category: 'comparison', signature: '{"==": [a, b]}',
    description: {
      en: 'Loose equality, exactly JavaScript\'s `==` (1 == "1", 0 == false, null == null; arrays and objects only equal themselves). Prefer `===`.',
      'zh-CN': '宽松相等，与 JavaScript 的 `==` 完全相同（1 == "1"、0 == false、null == null；数组和对象只等于自身）。建议使用 `===`。',
    },
    examples: [{ rule: { '==': [1, '1'] }, result: true }, { rule: { '==': [0, false] }, result: true }, { rule: { '==': [null, 0] }, result: false }],
  },
  {
    name: '===', category: 'comparison', signature: '{"===": [a, b]}',
    description: { en: 'Strict equality (same type and value), JavaScript\'s `===`.', 'zh-CN': '严格相等（类型和值都相同），即 JavaScript 的 `===`。' },
    examples: [{ rule: { '===': [1, '1'] }, result: false }, { rule: { '===': [{ var: 'tier' }, 'gold'] }, data: { tier: 'gold' }, result: true }],
  },
  {
    name: '!=', category: 'comparison', signature: '{"!=": [a, b]}',
    description: { en: 'Loose inequality, JavaScript\'s `!=`.', 'zh-CN': '宽松不等，即 JavaScript 的 `!=`。' },
    examples: [{ rule: { '!=': [1, '1'] }, result: false }],
  },
  {
    name: '!==', category: 'comparison', signature: '{"!==": [a, b]}',
    description: { en: 'Strict inequality, JavaScript\'s `!==`.', 'zh-CN': '严格不等，即 JavaScript 的 `!==`。' },
    examples: [{ rule: { '!==': [1, '1'] }, result: true }],
  },
  {
    name: '>', category: 'comparison', signature: '{">": [a, b]}',
    description: {
      en: 'JavaScript\'s `>`: numbers numerically, two strings by UTF-16 code units (so ISO dates compare correctly), mixed types after conversion to numbers.',
      'zh-CN': 'JavaScript 的 `>`：数字按数值比较，两个字符串按 UTF-16 码元比较（因此 ISO 日期可以正确比较），类型不同时先转换为数字。',
    },
    examples: [{ rule: { '>': [{ var: 'amount' }, 1000] }, data: { amount: 1200 }, result: true }, { rule: { '>': ['2026-04-01', '2026-03-31'] }, result: true }],
  },
  {
    name: '>=', category: 'comparison', signature: '{">=": [a, b]}',
    description: { en: 'JavaScript\'s `>=` (see `>`).', 'zh-CN': 'JavaScript 的 `>=`（见 `>`）。' },
    examples: [{ rule: { '>=': [0.8, 0.8] }, result: true }, { rule: { '>=': ['10', 9] }, result: true }],
  },
  {
    name: '<', category: 'comparison', signature: '{"<": [a, b]} | {"<": [a, b, c]}',
    description: {
      en: 'JavaScript\'s `<`. With three arguments: a < b < c (b strictly between a and c).',
      'zh-CN': 'JavaScript 的 `<`。三个参数时表示 a < b < c（b 严格位于 a 和 c 之间）。',
    },
    examples: [{ rule: { '<': [1, 2] }, result: true }, { rule: { '<': [0, { var: 'x' }, 10] }, data: { x: 10 }, result: false }],
  },
  {
    name: '<=', category: 'comparison', signature: '{"<=": [a, b]} | {"<=": [a, b, c]}',
    description: {
      en: 'JavaScript\'s `<=`. With three arguments: a <= b <= c (b between a and c, both ends included).',
      'zh-CN': 'JavaScript 的 `<=`。三个参数时表示 a <= b <= c（b 位于 a 和 c 之间，包含两端）。',
    },
    examples: [{ rule: { '<=': [0, { var: 'x' }, 10] }, data: { x: 10 }, result: true }],
  },
  {
    name: '+', category: 'arithmetic', signature: '{"+": [a, b, …]}',
    description: {
      en: 'Sum, each argument read with parseFloat ("3.5" is 3.5); one argument casts it to a number. Binary floating point: 0.1 + 0.2 is 0.30000000000000004, so use `dec_add` for money. A non-numeric argument gives NaN, which fails the rule (RULE_NON_JSON_RESULT) if it reaches the result.',
      'zh-CN': '求和，每个参数用 parseFloat 读取（"3.5" 为 3.5）；只有一个参数时把它转换为数字。二进制浮点：0.1 + 0.2 等于 0.30000000000000004，金额请用 `dec_add`。非数字参数得到 NaN，若 NaN 出现在结果中则规则失败（RULE_NON_JSON_RESULT）。',
    },
    examples: [{ rule: { '+': [1, '2', 3.5] }, result: 6.5 }, { rule: { '+': [0.1, 0.2] }, result: 0.30000000000000004 }, { rule: { '+': '42' }, result: 42 }],
  },
  {
    name: '-', category: 'arithmetic', signature: '{"-": [a, b]} | {"-": [a]}',
    description: { en: 'a − b (JavaScript `-`, strings converted to numbers); with one argument, its negation.', 'zh-CN': 'a − b（JavaScript 的 `-`，字符串转换为数字）；只有一个参数时取其相反数。' },
    examples: [{ rule: { '-': [10, '4'] }, result: 6 }, { rule: { '-': [{ var: 'x' }] }, data: { x: 3 }, result: -3 }],
  },
  {
    name: '*', category: 'arithmetic', signature: '{"*": [a, b, …]}',
    description: { en: 'Product, each argument read with parseFloat; binary floating point (use `dec_mul` for money). At least one argument.', 'zh-CN': '乘积，每个参数用 parseFloat 读取；二进制浮点（金额请用 `dec_mul`）。至少一个参数。' },
    examples: [{ rule: { '*': [2, '3', 4] }, result: 24 }],
  },
  {
    name: '/', category: 'arithmetic', signature: '{"/": [a, b]}',
    description: { en: 'a ÷ b in binary floating point (use `dec_div` for money). Division by zero fails the rule (RULE_NON_JSON_RESULT) if the result reaches the rule\'s value.', 'zh-CN': '二进制浮点的 a ÷ b（金额请用 `dec_div`）。除以零时，若结果出现在规则值中则规则失败（RULE_NON_JSON_RESULT）。' },
    examples: [{ rule: { '/': [7, 2] }, result: 3.5 }],
  },
  {
    name: '%', category: 'arithmetic', signature: '{"%": [a, b]}',
    description: { en: 'Remainder of a ÷ b with the sign of a (JavaScript `%`).', 'zh-CN': 'a ÷ b 的余数，符号与 a 相同（JavaScript 的 `%`）。' },
    examples: [{ rule: { '%': [7, 3] }, result: 1 }, { rule: { '%': [-7, 3] }, result: -1 }],
  },
  {
    name: 'min', category: 'arithmetic', signature: '{"min": [a, b, …]}',
    description: { en: 'The smallest argument (JavaScript Math.min). For an array use `min_of`.', 'zh-CN': '最小的参数（JavaScript Math.min）。数组请用 `min_of`。' },
    examples: [{ rule: { min: [3, 1, 2] }, result: 1 }],
  },
  {
    name: 'max', category: 'arithmetic', signature: '{"max": [a, b, …]}',
    description: { en: 'The largest argument (JavaScript Math.max). For an array use `max_of`.', 'zh-CN': '最大的参数（JavaScript Math.max）。数组请用 `max_of`。' },
    examples: [{ rule: { max: [3, 1, 2] }, result: 3 }],
  },
  {
    name: 'map', category: 'array', signature: '{"map": [array, logic]}',
    description: {
      en: 'Applies `logic` to each item; inside it the data is the item ({"var": ""} is the item itself). Not an array → [].',
      'zh-CN': '对每个元素应用 `logic`；在 `logic` 内部数据就是该元素（{"var": ""} 即元素本身）。不是数组时返回 []。',
    },
    examples: [{ rule: { map: [{ var: 'lines' }, { var: 'qty' }] }, data: { lines: [{ qty: 2 }, { qty: 5 }] }, result: [2, 5] }],
  },
  {
    name: 'filter', category: 'array', signature: '{"filter": [array, logic]}',
    description: { en: 'The items for which `logic` (evaluated on the item) is truthy. Not an array → [].', 'zh-CN': '保留 `logic`（以元素为数据求值）为真的元素。不是数组时返回 []。' },
    examples: [{ rule: { filter: [[1, 5, 10], { '>=': [{ var: '' }, 5] }] }, result: [5, 10] }],
  },
  {
    name: 'reduce', category: 'array', signature: '{"reduce": [array, logic, initial]}',
    description: {
      en: 'Folds the array: `logic` sees {"current": item, "accumulator": value so far}, starting from `initial` (null if absent). Not an array → `initial`.',
      'zh-CN': '对数组做归约：`logic` 的数据为 {"current": 当前元素, "accumulator": 累计值}，累计值从 `initial` 开始（未给出时为 null）。不是数组时返回 `initial`。',
    },
    examples: [{ rule: { reduce: [[1, 2, 3], { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, result: 6 }],
  },
  {
    name: 'all', category: 'array', signature: '{"all": [array, logic]}',
    description: { en: 'true when the array is non-empty and `logic` is truthy for every item; an empty array gives false.', 'zh-CN': '数组非空且 `logic` 对每个元素都为真时返回 true；空数组返回 false。' },
    examples: [{ rule: { all: [{ var: 'docs' }, { var: 'verified' }] }, data: { docs: [{ verified: true }, { verified: true }] }, result: true }, { rule: { all: [[], true] }, result: false }],
  },
  {
    name: 'none', category: 'array', signature: '{"none": [array, logic]}',
    description: { en: 'true when `logic` is truthy for no item (an empty array gives true).', 'zh-CN': '`logic` 对任何元素都不为真时返回 true（空数组返回 true）。' },
    examples: [{ rule: { none: [[1, 2], { '>': [{ var: '' }, 5] }] }, result: true }],
  },
  {
    name: 'some', category: 'array', signature: '{"some": [array, logic]}',
    description: { en: 'true when `logic` is truthy for at least one item (an empty array gives false).', 'zh-CN': '`logic` 至少对一个元素为真时返回 true（空数组返回 false）。' },
    examples: [{ rule: { some: [{ var: 'certs' }, { '===': [{ var: '' }, 'ISO9001'] }] }, data: { certs: ['ISO27001', 'ISO9001'] }, result: true }],
  },
  {
    name: 'merge', category: 'array', signature: '{"merge": [a, b, …]}',
    description: { en: 'One array of all arguments, flattening array arguments one level.', 'zh-CN': '把所有参数合并为一个数组，数组参数展开一层。' },
    examples: [{ rule: { merge: [[1, 2], 3, [4, [5]]] }, result: [1, 2, 3, 4, [5]] }],
  },
  {
    name: 'in', category: 'string', signature: '{"in": [needle, stringOrArray]}',
    description: {
      en: 'For a string: whether `needle` is a substring. For an array: whether an item is strictly equal (===) to `needle`. Anything else → false.',
      'zh-CN': '对字符串：`needle` 是否为其子串。对数组：是否有元素与 `needle` 严格相等（===）。其他情况返回 false。',
    },
    examples: [{ rule: { in: ['Spring', 'Springfield'] }, result: true }, { rule: { in: [{ var: 'region' }, ['east', 'south']] }, data: { region: 'north' }, result: false }],
  },
  {
    name: 'cat', category: 'string', signature: '{"cat": [a, b, …]}',
    description: { en: 'Joins the arguments as strings (null → "", arrays joined with ",").', 'zh-CN': '把参数作为字符串连接（null 为 ""，数组以 "," 连接）。' },
    examples: [{ rule: { cat: ['Q', { quarter: '2026-05-20' }, ' ', 2026] }, result: 'Q2 2026' }],
  },
  {
    name: 'substr', category: 'string', signature: '{"substr": [string, start, length?]}',
    description: {
      en: 'Part of a string (UTF-16 code units, as JavaScript): from `start` (negative counts from the end), `length` characters, or with a negative length all but that many at the end.',
      'zh-CN': '取字符串的一部分（按 UTF-16 码元，与 JavaScript 相同）：从 `start` 开始（负数从末尾倒数），取 `length` 个字符；`length` 为负数时去掉末尾相应个数的字符。',
    },
    examples: [
      { rule: { substr: ['jsonlogic', 4] }, result: 'logic' },
      { rule: { substr: ['jsonlogic', -5, 3] }, result: 'log' },
      { rule: { substr: ['jsonlogic', 1, -5] }, result: 'son' },
    ],
  },
];
