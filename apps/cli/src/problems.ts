import { problem, type Problem } from '@trellis/errors';

/** Problems of the CLI's own input handling: stable codes, both languages. */
export const cliProblems = {
  unreadable: (file: string, reason: string) =>
    problem('CLI_FILE_UNREADABLE', file, {
      en: `Cannot read ${file}: ${reason}`,
      'zh-CN': `无法读取 ${file}：${reason}`,
    }, { reason }),
  unwritable: (file: string, reason: string) =>
    problem('CLI_FILE_UNWRITABLE', file, {
      en: `Cannot write ${file}: ${reason}`,
      'zh-CN': `无法写入 ${file}：${reason}`,
    }, { reason }),
  notJson: (source: string, reason: string) =>
    problem('CLI_NOT_JSON', source, {
      en: `${source} is not valid JSON: ${reason}`,
      'zh-CN': `${source} 不是合法的 JSON：${reason}`,
    }, { reason }),
  badTestFile: (path: string, detail: { en: string; 'zh-CN': string }) =>
    problem('CLI_BAD_TEST_FILE', path, {
      en: `Malformed rule test file: ${detail.en}`,
      'zh-CN': `规则测试文件格式错误：${detail['zh-CN']}`,
    }),
  internal: (detail: string) =>
    problem('CLI_INTERNAL_ERROR', '', {
      en: `Internal error: ${detail}`,
      'zh-CN': `内部错误：${detail}`,
    }, { detail }),
} satisfies Record<string, (...args: never[]) => Problem>;
