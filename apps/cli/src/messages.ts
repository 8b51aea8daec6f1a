import type { LocalizedText } from '@trellis/errors';

/** Every text the CLI prints of its own, in both languages. */
export const messages = {
  program: { en: 'Trellis: check and run app definitions from the command line', 'zh-CN': 'Trellis：在命令行中检查和运行应用定义' },
  helpOption: { en: 'display help for command', 'zh-CN': '显示命令帮助' },
  helpCommand: { en: 'display help for command', 'zh-CN': '显示命令帮助' },
  langOption: { en: 'language of messages', 'zh-CN': '消息所用的语言' },
  engineOption: {
    en: 'evaluator: the reference (json-logic-js) or the compiled one',
    'zh-CN': '求值器：参考实现（json-logic-js）或编译求值器',
  },

  rule: { en: 'test and evaluate rules', 'zh-CN': '测试和求值规则' },
  ruleTest: {
    en: 'run a JSON file of rule tests ([{"rule", "data", "expect"} | {"rule", "data", "error": true}])',
    'zh-CN': '运行规则测试 JSON 文件（[{"rule", "data", "expect"} | {"rule", "data", "error": true}]）',
  },
  ruleTestFile: { en: 'the JSON file of test cases', 'zh-CN': '测试用例 JSON 文件' },
  ruleEval: { en: 'evaluate one rule over data and print the result as JSON', 'zh-CN': '对数据求值一条规则，并以 JSON 输出结果' },
  ruleOption: { en: 'the rule: a file path or inline JSON', 'zh-CN': '规则：文件路径或内联 JSON' },
  dataOption: { en: 'the data: a file path or inline JSON (default {})', 'zh-CN': '数据：文件路径或内联 JSON（默认为 {}）' },
  traceOption: {
    en: 'print {"value", "trace"} with the value of every sub-expression',
    'zh-CN': '输出 {"value", "trace"}，包含每个子表达式的值',
  },

  template: { en: 'validate, export, compare and import app templates', 'zh-CN': '校验、导出、比较和导入应用模板' },
  templateFile: { en: 'the app template file', 'zh-CN': '应用模板文件' },
  templateValidate: {
    en: 'check a template completely, without a database; lists every problem',
    'zh-CN': '无需数据库，完整检查模板；列出所有问题',
  },
  templateExport: {
    en: 'write a template (a file, or an app of the database) in canonical form (stable for git) with its content hash',
    'zh-CN': '以规范格式（便于 git 比较）写出模板（文件或数据库中的应用），并附内容哈希',
  },
  templateSource: {
    en: 'a template file, or the id of an app in the database',
    'zh-CN': '模板文件，或数据库中应用的 id',
  },
  templateImport: {
    en: 'import a template into the database (DATABASE_URL / DATA_DIR): the plan, then an all-or-nothing apply',
    'zh-CN': '将模板导入数据库（DATABASE_URL / DATA_DIR）：先显示导入计划，再整体应用（全部成功或全部不变）',
  },
  dryRunOption: { en: 'only show the plan and the problems; change nothing', 'zh-CN': '只显示导入计划和问题，不做任何修改' },
  databaseUrlOption: {
    en: 'PostgreSQL connection string (env DATABASE_URL; absent: embedded PGlite in the data dir)',
    'zh-CN': 'PostgreSQL 连接串（环境变量 DATABASE_URL；不设置则使用数据目录中的内嵌 PGlite）',
  },
  dataDirOption: { en: 'data folder (env DATA_DIR, default ./data)', 'zh-CN': '数据目录（环境变量 DATA_DIR，默认 ./data）' },
  outOption: { en: 'write to this file instead of stdout', 'zh-CN': '写入此文件而不是标准输出' },
  templatePlan: {
    en: 'dry run: what importing the template would add, change or conflict with',
    'zh-CN': '试运行：导入模板将新增、修改哪些定义，或与哪些定义冲突',
  },
  againstOption: { en: 'an exported template of the current app', 'zh-CN': '当前应用导出的模板' },
} satisfies Record<string, LocalizedText>;
