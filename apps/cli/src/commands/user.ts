import type { Command } from 'commander';
import type { Storage } from '@trellis/storage';
import { isLocale, LOCALES, problem, type Problem } from '@trellis/errors';
import { reportErrors, type CliContext } from '../context.js';
import { ExitCode } from '../exit-codes.js';
import { withStorage } from './migrate.js';
import type { CommandGroup, Finish } from './registry.js';
import { addServerOptions, loadServer, type ServerFlags } from './serve-options.js';

interface CreateFlags extends ServerFlags {
  readonly username: string;
  readonly role: string[];
  readonly partnerOrg?: string;
  readonly region: string[];
  readonly displayName?: string;
  readonly password?: string;
  readonly locale?: string;
  readonly email?: string;
}

interface PasswordFlags extends ServerFlags {
  readonly username: string;
  readonly password?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Users are made by the command line itself, not by a signed-in user. */
const CLI_ACTOR = { actor: 'cli' };

function printPassword(cli: CliContext, username: string, generated: string | undefined): void {
  if (generated === undefined) return;
  cli.out(cli.t({ en: `One-time password for ${username}: ${generated}`, 'zh-CN': `${username} 的一次性密码：${generated}` }));
  cli.out(cli.t({ en: 'It must be changed at first sign-in and is not shown again.', 'zh-CN': '首次登录后必须修改，此密码不会再次显示。' }));
}

/** What the API's schema would refuse; the command line writes to storage directly, so it checks too. */
function flagProblems(flags: { password?: string; locale?: string; email?: string }, minPasswordLength: number): Problem[] {
  const problems: Problem[] = [];
  if (flags.password !== undefined && flags.password.length < minPasswordLength) {
    problems.push(problem('CLI_BAD_OPTION', 'password', {
      en: `The password must have at least ${minPasswordLength} characters`,
      'zh-CN': `密码至少应有 ${minPasswordLength} 个字符`,
    }));
  }
  if (flags.locale !== undefined && !isLocale(flags.locale)) {
    problems.push(problem('CLI_BAD_OPTION', 'locale', { en: `The locale must be one of ${LOCALES.join(', ')}`, 'zh-CN': `语言必须是 ${LOCALES.join('、')} 之一` }));
  }
  // the API checks the full address format; here only what surely is not an address
  if (flags.email !== undefined && !/^[^\s@]+@[^\s@]+$/.test(flags.email)) {
    problems.push(problem('CLI_BAD_OPTION', 'email', { en: `"${flags.email}" is not an email address`, 'zh-CN': `“${flags.email}”不是有效的电子邮件地址` }));
  }
  return problems;
}

async function create(cli: CliContext, storage: Storage, flags: CreateFlags): Promise<ExitCode> {
  const { createPasswordHasher, createUser, MIN_PASSWORD_LENGTH } = await loadServer();
  const problems = flagProblems(flags, MIN_PASSWORD_LENGTH);
  if (problems.length > 0) return reportErrors(cli, problems, ExitCode.BadInput);
  await storage.migrate();
  const { user, generatedPassword } = await createUser(storage, createPasswordHasher(), {
    username: flags.username,
    roles: flags.role,
    partnerOrg: flags.partnerOrg ?? null,
    regions: flags.region,
    ...(flags.displayName === undefined ? {} : { displayName: flags.displayName }),
    ...(flags.password === undefined ? {} : { password: flags.password }),
    ...(flags.locale === undefined ? {} : { locale: flags.locale }),
    ...(flags.email === undefined ? {} : { email: flags.email }),
  }, CLI_ACTOR);
  cli.out(cli.t({ en: `Created user ${user.username} (${user.id}), roles: ${user.roles.join(', ')}`, 'zh-CN': `已创建用户 ${user.username}（${user.id}），角色：${user.roles.join('、')}` }));
  printPassword(cli, user.username, generatedPassword);
  return ExitCode.Ok;
}

/** Sets a password for a user who lost theirs (the first admin included); it must be changed at sign-in. */
async function resetPassword(cli: CliContext, storage: Storage, flags: PasswordFlags): Promise<ExitCode> {
  const { createPasswordHasher, generatePassword, MIN_PASSWORD_LENGTH, updateUser } = await loadServer();
  const problems = flagProblems(flags, MIN_PASSWORD_LENGTH);
  if (problems.length > 0) return reportErrors(cli, problems, ExitCode.BadInput);
  await storage.migrate();
  const user = await storage.read.users.getByUsername(flags.username);
  if (user === null) {
    return reportErrors(cli, [problem('CLI_USER_NOT_FOUND', 'username', { en: `No user "${flags.username}" exists`, 'zh-CN': `用户“${flags.username}”不存在` })], ExitCode.Failed);
  }
  const generated = flags.password === undefined ? generatePassword() : undefined;
  await updateUser(storage, createPasswordHasher(), user.id, { password: flags.password ?? generated ?? '' }, CLI_ACTOR);
  cli.out(cli.t({ en: `Set a new password for ${user.username}; their sessions have ended`, 'zh-CN': `已为 ${user.username} 设置新密码，其会话已全部结束` }));
  printPassword(cli, user.username, generated);
  return ExitCode.Ok;
}

export const userCommands: CommandGroup = {
  name: 'user',
  register(program: Command, cli: CliContext, finish: Finish) {
    const user = program.command('user').description(cli.t({ en: 'manage users in the database', 'zh-CN': '管理数据库中的用户' }));
    const passwordOption = cli.t({
      en: 'the password (at least 10 characters); absent: a one-time password is generated and printed',
      'zh-CN': '密码（至少 10 个字符）；不提供则生成并显示一次性密码',
    });
    addServerOptions(
      user
        .command('create')
        .description(cli.t({ en: 'create a user', 'zh-CN': '创建用户' }))
        .requiredOption('--username <name>', cli.t({ en: 'the sign-in name', 'zh-CN': '登录名' }))
        .requiredOption('--role <role>', cli.t({ en: 'a role id (repeat for several)', 'zh-CN': '角色 id（可重复指定多个）' }), collect, [])
        .option('--partner-org <id>', cli.t({ en: 'the partner organisation the user belongs to', 'zh-CN': '用户所属的伙伴组织' }))
        .option('--region <region>', cli.t({ en: 'a region assigned to the user (repeat for several)', 'zh-CN': '分配给用户的区域（可重复指定多个）' }), collect, [])
        .option('--display-name <name>', cli.t({ en: 'the name shown in the UI', 'zh-CN': '界面中显示的名称' }))
        .option('--locale <locale>', cli.t({ en: 'zh-CN or en', 'zh-CN': 'zh-CN 或 en' }))
        .option('--email <address>', cli.t({ en: 'where flow emails to this user go', 'zh-CN': '流程邮件通知的收件地址' }))
        .option('--password <password>', passwordOption),
      cli,
      false,
    ).action(async (flags: CreateFlags) => finish(await withStorage(cli, flags, (storage) => create(cli, storage, flags))));
    addServerOptions(
      user
        .command('reset-password')
        .description(cli.t({ en: "set a user's password (it must be changed at next sign-in)", 'zh-CN': '重设用户密码（下次登录时必须修改）' }))
        .requiredOption('--username <name>', cli.t({ en: 'the sign-in name', 'zh-CN': '登录名' }))
        .option('--password <password>', passwordOption),
      cli,
      false,
    ).action(async (flags: PasswordFlags) => finish(await withStorage(cli, flags, (storage) => resetPassword(cli, storage, flags))));
  },
};
