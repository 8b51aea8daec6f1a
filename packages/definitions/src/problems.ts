import { problem, type Problem } from '@trellis/errors';

export const definitionProblems = {
  unsupportedVersion(kind: string, formatVersion: unknown, supported: readonly number[]): Problem {
    const list = supported.join(', ');
    return problem(
      'DEF_UNSUPPORTED_VERSION',
      'formatVersion',
      {
        en: `This ${kind} has formatVersion ${String(formatVersion)}, which this version of Trellis cannot read; supported: ${list}.`,
        'zh-CN': `该 ${kind} 的 formatVersion 为 ${String(formatVersion)}，当前版本的 Trellis 无法读取；支持的版本：${list}。`,
      },
      { kind, formatVersion, supported: [...supported] },
    );
  },
};
