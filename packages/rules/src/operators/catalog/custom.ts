import type { OperatorDoc } from './types.js';

/** The operators Trellis adds (semantics: ../dates.ts, ../decimal.ts, ../arrays.ts, ../tier.ts). */
export const CUSTOM_OPERATOR_DOCS: readonly OperatorDoc[] = [
  {
    name: 'date', category: 'date', signature: '{"date": [isoString]}',
    description: {
      en: 'The calendar day of an ISO 8601 date or date-time, as "YYYY-MM-DD" (a date-time is taken in UTC). Fails on anything else, including impossible dates such as "2026-02-30".',
      'zh-CN': 'ISO 8601 日期或日期时间所在的日历日，格式为 "YYYY-MM-DD"（日期时间按 UTC 计算）。其他值（包括 "2026-02-30" 这类不存在的日期）均报错。',
    },
    examples: [
      { rule: { date: '2026-03-31T23:30:00-05:00' }, result: '2026-04-01' },
      { rule: { date: { var: '$now' } }, data: { $now: '2026-05-20T08:00:00Z' }, result: '2026-05-20' },
    ],
  },
  {
    name: 'date_add', category: 'date', signature: '{"date_add": [date, amount, unit]}',
    description: {
      en: 'The date `amount` units later (earlier if negative), as "YYYY-MM-DD". `amount` is an integer; `unit` is days, weeks, months, quarters or years. Adding months clamps to the end of a shorter month (2026-01-31 + 1 month = 2026-02-28).',
      'zh-CN': '`amount` 个单位之后（为负数时为之前）的日期，格式为 "YYYY-MM-DD"。`amount` 为整数；`unit` 为 days、weeks、months、quarters 或 years。加月份遇到较短的月份时取该月最后一天（2026-01-31 加 1 个月为 2026-02-28）。',
    },
    examples: [
      { rule: { date_add: ['2026-01-31', 1, 'months'] }, result: '2026-02-28' },
      { rule: { date_add: [{ var: 'signedOn' }, 30, 'days'] }, data: { signedOn: '2026-12-15' }, result: '2027-01-14' },
    ],
  },
  {
    name: 'date_diff', category: 'date', signature: '{"date_diff": [from, to, unit]}',
    description: {
      en: 'The number of whole units from `from` to `to` (negative if `to` is earlier); `unit` is days, months or years. Partial units are dropped: 2026-01-15 → 2026-03-14 is 1 month.',
      'zh-CN': '从 `from` 到 `to` 的完整单位数（`to` 更早时为负数）；`unit` 为 days、months 或 years。不足一个单位的部分舍去：2026-01-15 到 2026-03-14 为 1 个月。',
    },
    examples: [
      { rule: { date_diff: ['2026-01-01', '2026-03-01', 'days'] }, result: 59 },
      { rule: { date_diff: ['2026-01-15', '2026-03-14', 'months'] }, result: 1 },
      { rule: { date_diff: [{ var: 'joinedOn' }, { var: '$today' }, 'years'] }, data: { joinedOn: '2023-06-30', $today: '2026-06-29' }, result: 2 },
    ],
  },
  {
    name: 'date_before', category: 'date', signature: '{"date_before": [a, b]}',
    description: { en: 'true when day a is before day b (times of day are ignored).', 'zh-CN': '日期 a 早于日期 b 时返回 true（忽略一天中的时间）。' },
    examples: [{ rule: { date_before: ['2026-03-31', '2026-04-01'] }, result: true }, { rule: { date_before: ['2026-03-31T08:00:00Z', '2026-03-31'] }, result: false }],
  },
  {
    name: 'date_after', category: 'date', signature: '{"date_after": [a, b]}',
    description: { en: 'true when day a is after day b (times of day are ignored).', 'zh-CN': '日期 a 晚于日期 b 时返回 true（忽略一天中的时间）。' },
    examples: [{ rule: { date_after: [{ var: 'endDate' }, { var: 'startDate' }] }, data: { startDate: '2026-01-01', endDate: '2026-12-31' }, result: true }],
  },
  {
    name: 'date_between', category: 'date', signature: '{"date_between": [date, start, end]}',
    description: { en: 'true when start ≤ date ≤ end, by calendar day (both ends included).', 'zh-CN': '按日历日 start ≤ date ≤ end 时返回 true（包含两端）。' },
    examples: [{ rule: { date_between: ['2026-03-31', '2026-01-01', '2026-03-31'] }, result: true }, { rule: { date_between: ['2026-04-01', '2026-01-01', '2026-03-31'] }, result: false }],
  },
  {
    name: 'year', category: 'date', signature: '{"year": [date]}',
    description: { en: 'The year of a date, e.g. 2026.', 'zh-CN': '日期的年份，例如 2026。' },
    examples: [{ rule: { year: '2026-03-31' }, result: 2026 }],
  },
  {
    name: 'quarter', category: 'date', signature: '{"quarter": [date]}',
    description: { en: 'The calendar quarter of a date, 1–4 (January–March is 1).', 'zh-CN': '日期所在的自然季度，1–4（1–3 月为第 1 季度）。' },
    examples: [{ rule: { quarter: '2026-03-31' }, result: 1 }, { rule: { quarter: '2026-04-01' }, result: 2 }],
  },
  {
    name: 'month', category: 'date', signature: '{"month": [date]}',
    description: { en: 'The month of a date, 1–12.', 'zh-CN': '日期的月份，1–12。' },
    examples: [{ rule: { month: '2026-12-01' }, result: 12 }],
  },
  {
    name: 'dec_add', category: 'decimal', signature: '{"dec_add": [a, b, …]}',
    description: { en: 'Exact decimal sum of one or more numbers or numeric strings.', 'zh-CN': '一个或多个数字或数字字符串的精确十进制和。' },
    examples: [{ rule: { dec_add: [0.1, 0.2] }, result: 0.3 }, { rule: { dec_add: ['19.99', 0.01, 5] }, result: 25 }],
  },
  {
    name: 'dec_sub', category: 'decimal', signature: '{"dec_sub": [a, b]}',
    description: { en: 'Exact decimal a − b.', 'zh-CN': '精确的十进制 a − b。' },
    examples: [{ rule: { dec_sub: [0.3, 0.1] }, result: 0.2 }],
  },
  {
    name: 'dec_mul', category: 'decimal', signature: '{"dec_mul": [a, b, …]}',
    description: { en: 'Exact decimal product of one or more numbers or numeric strings.', 'zh-CN': '一个或多个数字或数字字符串的精确十进制积。' },
    examples: [{ rule: { dec_mul: [1.1, 1.1] }, result: 1.21 }, { rule: { dec_mul: [{ var: 'sales' }, 0.03] }, data: { sales: 123456.78 }, result: 3703.7034 }],
  },
  {
    name: 'dec_div', category: 'decimal', signature: '{"dec_div": [a, b]}',
    description: {
      en: 'Decimal a ÷ b, rounded half-even to 34 significant digits before becoming a number. Division by zero fails (RULE_BAD_ARGUMENT). Round the result with `round` when it is money.',
      'zh-CN': '十进制 a ÷ b，先按四舍六入五成双保留 34 位有效数字再转换为数字。除以零报错（RULE_BAD_ARGUMENT）。结果是金额时请用 `round` 舍入。',
    },
    examples: [{ rule: { dec_div: [0.3, 0.1] }, result: 3 }, { rule: { round: [{ dec_div: [100, 3] }, 2] }, result: 33.33 }],
  },
  {
    name: 'round', category: 'decimal', signature: '{"round": [x, places?, mode?]}',
    description: {
      en: 'x rounded to `places` decimal places (an integer 0–20, default 0) with `mode` (default "half_up"): half_up, half_even, down, up, floor or ceil (see "Rounding modes"). x is taken as written, so 1.005 rounds half_up to 1.01.',
      'zh-CN': '把 x 按 `mode`（默认 "half_up"）舍入到 `places` 位小数（0–20 的整数，默认 0）：half_up、half_even、down、up、floor 或 ceil（见"舍入方式"）。x 按书写的十进制值处理，因此 1.005 按 half_up 舍入为 1.01。',
    },
    examples: [
      { rule: { round: [2.5] }, result: 3 },
      { rule: { round: [-2.5] }, result: -3 },
      { rule: { round: [2.5, 0, 'half_even'] }, result: 2 },
      { rule: { round: [1.005, 2] }, result: 1.01 },
      { rule: { round: [-1.25, 1, 'floor'] }, result: -1.3 },
    ],
  },
  {
    name: 'length', category: 'string', signature: '{"length": [stringOrArray]}',
    description: {
      en: 'The number of characters of a string (Unicode code points, so "𠮷" counts 1) or of items of an array. Anything else fails.',
      'zh-CN': '字符串的字符数（按 Unicode 码点计，"𠮷" 计为 1）或数组的元素个数。其他值报错。',
    },
    examples: [{ rule: { length: '渠道伙伴' }, result: 4 }, { rule: { length: { var: 'contacts' } }, data: { contacts: [{ name: 'A' }, { name: 'B' }] }, result: 2 }],
  },
  {
    name: 'sum', category: 'aggregate', signature: '{"sum": [array, field?]}',
    description: {
      en: 'Exact decimal sum of the items, or of each item\'s `field` (a path read like `var`). null and missing values are skipped; an empty array sums to 0. Any other non-number fails.',
      'zh-CN': '元素（或每个元素的 `field`，按 `var` 的方式读取路径）的精确十进制和。null 和缺失值被跳过；空数组的和为 0。其他非数字值报错。',
    },
    examples: [
      { rule: { sum: [{ var: 'lines' }, 'amount'] }, data: { lines: [{ amount: 0.1 }, { amount: 0.2 }, { amount: null }, {}] }, result: 0.3 },
      { rule: { sum: [[]] }, result: 0 },
    ],
  },
  {
    name: 'avg', category: 'aggregate', signature: '{"avg": [array, field?]}',
    description: { en: 'Decimal mean of the non-null values (as `sum`); no values → null.', 'zh-CN': '非 null 值的十进制平均值（取值方式同 `sum`）；没有值时为 null。' },
    examples: [{ rule: { avg: [{ var: 'scores' }] }, data: { scores: [80, null, 90] }, result: 85 }, { rule: { avg: [[]] }, result: null }],
  },
  {
    name: 'min_of', category: 'aggregate', signature: '{"min_of": [array, field?]}',
    description: { en: 'The smallest non-null value (as `sum`); no values → null.', 'zh-CN': '最小的非 null 值（取值方式同 `sum`）；没有值时为 null。' },
    examples: [{ rule: { min_of: [{ var: 'quotes' }, 'price'] }, data: { quotes: [{ price: 12.5 }, { price: '9.9' }] }, result: 9.9 }],
  },
  {
    name: 'max_of', category: 'aggregate', signature: '{"max_of": [array, field?]}',
    description: { en: 'The largest non-null value (as `sum`); no values → null.', 'zh-CN': '最大的非 null 值（取值方式同 `sum`）；没有值时为 null。' },
    examples: [{ rule: { max_of: [[3, 7, -1]] }, result: 7 }, { rule: { max_of: [[null]] }, result: null }],
  },
  {
    name: 'tier', category: 'lookup', signature: '{"tier": [x, [[threshold, "ge" | "gt", output], …], default?]}',
    description: {
      en: 'Tier lookup: the output of the last row whose condition holds (x ≥ threshold for "ge", x > threshold for "gt"; exact decimal comparison), else `default` (null if absent). Rows must ascend by threshold ("ge" before "gt" on an equal threshold), so every boundary is stated exactly.',
      'zh-CN': '阶梯查表：返回最后一个条件成立的行的结果（"ge" 表示 x ≥ 阈值，"gt" 表示 x > 阈值；按十进制精确比较），都不成立时返回 `default`（未给出时为 null）。各行必须按阈值升序排列（阈值相同时 "ge" 在 "gt" 之前），因此每个边界都明确无歧义。',
    },
    examples: [
      { rule: { tier: [{ var: 'attainment' }, [[0.8, 'ge', 0.02], [0.9, 'ge', 0.03], [1, 'ge', 0.05], [1.2, 'gt', 0.08]], 0] }, data: { attainment: 1.2 }, result: 0.05 },
      { rule: { tier: [{ var: 'attainment' }, [[0.8, 'ge', 0.02], [0.9, 'ge', 0.03], [1, 'ge', 0.05], [1.2, 'gt', 0.08]], 0] }, data: { attainment: 1.2001 }, result: 0.08 },
      { rule: { tier: [0.7999, [[0.8, 'ge', 0.02]], 0] }, result: 0 },
    ],
  },
];
