import type { LocalizedText } from '@trellis/errors';
import type { ImportPlan, PlanStatus } from '@trellis/templates';
import { problemLine, type CliContext } from './context.js';

const STATUS: Readonly<Record<PlanStatus, LocalizedText>> = {
  new: { en: 'new', 'zh-CN': '新增' },
  changed: { en: 'changed', 'zh-CN': '修改' },
  unchanged: { en: 'unchanged', 'zh-CN': '未变' },
  conflicting: { en: 'conflicting', 'zh-CN': '冲突' },
};
const ABSENT: LocalizedText = { en: 'not in template (kept)', 'zh-CN': '模板中没有（保留）' };

/** Text columns padded to the widest entry, so the report reads as a table. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd());
}

/** The dry-run report: one line per definition, the paths that changed, each conflict, then the counts. */
export function planReport(cli: CliContext, plan: ImportPlan, against: string): string[] {
  const header = cli.t({
    en: `Import plan for ${plan.appId} (${plan.contentHash}) against ${against}`,
    'zh-CN': `${plan.appId}（${plan.contentHash}）相对于 ${against} 的导入计划`,
  });
  const lines: string[] = [header];
  const rows = plan.items.map((item) => [cli.t(STATUS[item.status]), item.kind, item.id, (item.changes ?? []).join(', ')]);
  const absentRows = plan.absent.map((d) => [cli.t(ABSENT), d.kind, d.id, '']);
  columns([...rows, ...absentRows]).forEach((line, i) => {
    lines.push(`  ${line}`);
    for (const conflict of plan.items[i]?.conflicts ?? []) lines.push(`      ${problemLine(cli, conflict)}`);
  });
  const { counts } = plan;
  lines.push(cli.t({
    en: `${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.conflicting} conflicting`,
    'zh-CN': `新增 ${counts.new}，修改 ${counts.changed}，未变 ${counts.unchanged}，冲突 ${counts.conflicting}`,
  }));
  return lines;
}
