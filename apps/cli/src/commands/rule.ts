import { Option, type Command } from 'commander';
import type { Result } from '@trellis/errors';
import { checkRuleSafety, traceRule, type JsonValue } from '@trellis/rules';
import { attemptRule, evaluateRule, RULE_ENGINES, runRuleCase, type RuleEngine } from '@trellis/templates';
import { reportErrors, type CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { readJsonArgument, readJsonFile } from '../json-input.js';
import { messages } from '../messages.js';
import { parseRuleTestFile, type RuleTestCase } from '../rule-test-file.js';
import type { CommandGroup, Finish } from './registry.js';

const json = (value: unknown) => JSON.stringify(value);

function describeOutcome(cli: CliContext, result: Result<JsonValue>): string {
  if (result.ok) return json(result.value);
  const [first] = result.problems;
  return first === undefined ? '' : `${first.code}: ${cli.t(first.message)}`;
}

function reportFailure(cli: CliContext, index: number, testCase: RuleTestCase, actual: Result<JsonValue>): void {
  const name = testCase.name === undefined ? '' : ` ${testCase.name}`;
  cli.out(`${cli.t({ en: 'FAIL', 'zh-CN': '未通过' })} [${index}]${name}`);
  cli.out(`  ${cli.t({ en: 'rule:    ', 'zh-CN': '规则：  ' })} ${json(testCase.rule)}`);
  cli.out(`  ${cli.t({ en: 'data:    ', 'zh-CN': '数据：  ' })} ${json(testCase.data === undefined ? {} : testCase.data)}`);
  const expected = testCase.error === true ? cli.t({ en: 'an error', 'zh-CN': '求值失败' }) : json(testCase.expect);
  cli.out(`  ${cli.t({ en: 'expected:', 'zh-CN': '期望：  ' })} ${expected}`);
  cli.out(`  ${cli.t({ en: 'actual:  ', 'zh-CN': '实际：  ' })} ${describeOutcome(cli, actual)}`);
}

/** `trellis rule test FILE`: every failure in full, then the line `N passed, N failed`. */
function ruleTest(cli: CliContext, file: string, engine: RuleEngine): ExitCode {
  const doc = readJsonFile(cli.io, file);
  if (!doc.ok) return reportErrors(cli, doc.problems, ExitCode.BadInput);
  const cases = parseRuleTestFile(doc.value);
  if (!cases.ok) return reportErrors(cli, cases.problems, ExitCode.BadInput);
  let passed = 0;
  let failed = 0;
  cases.value.forEach((testCase, i) => {
    const outcome = runRuleCase(testCase.rule, testCase, engine);
    if (outcome.passed) {
      passed += 1;
      return;
    }
    failed += 1;
    reportFailure(cli, i, testCase, outcome.actual);
  });
  // the closing line is read by CI tooling: always English, always this shape
  cli.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? ExitCode.Failed : ExitCode.Ok;
}

interface EvalOptions {
  readonly rule: string;
  readonly data: string;
  readonly trace?: boolean;
  readonly engine: RuleEngine;
}

/** `trellis rule eval`: one result as JSON; unsafe or failing rules exit 1 with code and message. */
function ruleEval(cli: CliContext, options: EvalOptions): ExitCode {
  const rule = readJsonArgument(cli.io, options.rule);
  const data = readJsonArgument(cli.io, options.data);
  const unreadable = [...(rule.ok ? [] : rule.problems), ...(data.ok ? [] : data.problems)];
  if (!rule.ok || !data.ok) return reportErrors(cli, unreadable, ExitCode.BadInput);
  const unsafe = checkRuleSafety(rule.value as JsonValue);
  if (unsafe.length > 0) return reportErrors(cli, unsafe, ExitCode.Failed);
  // the trace explains with the reference evaluator (json-logic-js), so --trace excludes --engine
  const result = options.trace === true
    ? attemptRule(() => traceRule(rule.value as JsonValue, data.value))
    : evaluateRule(rule.value as JsonValue, data.value, options.engine);
  if (!result.ok) return reportErrors(cli, result.problems, ExitCode.Failed);
  cli.out(json(result.value));
  return ExitCode.Ok;
}

function engineOption(cli: CliContext): Option {
  return new Option('--engine <engine>', cli.t(messages.engineOption)).choices(RULE_ENGINES).default('reference');
}

export const ruleCommands: CommandGroup = {
  name: 'rule',
  register(program: Command, cli: CliContext, finish: Finish) {
    const rule = program.command('rule').description(cli.t(messages.rule));
    rule
      .command('test')
      .description(cli.t(messages.ruleTest))
      .argument('<file>', cli.t(messages.ruleTestFile))
      .addOption(engineOption(cli))
      .action((file: string, options: { engine: RuleEngine }) => finish(ruleTest(cli, file, options.engine)));
    rule
      .command('eval')
      .description(cli.t(messages.ruleEval))
      .requiredOption('--rule <rule>', cli.t(messages.ruleOption))
      .option('--data <data>', cli.t(messages.dataOption), '{}')
      .addOption(new Option('--trace', cli.t(messages.traceOption)).conflicts('engine'))
      .addOption(engineOption(cli))
      .action((options: EvalOptions) => finish(ruleEval(cli, options)));
  },
};
