import { problem, type Problem } from '@trellis/errors';

/** Identity failures: stable codes, both languages. */
export const identityProblems = {
  authRequired: () =>
    problem('AUTH_REQUIRED', '', {
      en: 'Sign in to use this endpoint',
      'zh-CN': '请先登录',
    }),
  invalidCredentials: () =>
    problem('AUTH_INVALID_CREDENTIALS', 'password', {
      en: 'The username or password is wrong',
      'zh-CN': '用户名或密码错误',
    }),
  wrongCurrentPassword: () =>
    problem('AUTH_WRONG_PASSWORD', 'currentPassword', {
      en: 'The current password is wrong',
      'zh-CN': '当前密码错误',
    }),
  samePassword: () =>
    problem('AUTH_PASSWORD_UNCHANGED', 'newPassword', {
      en: 'The new password must differ from the current one',
      'zh-CN': '新密码不能与当前密码相同',
    }),
  rateLimited: (retryAfterSeconds: number) =>
    problem('AUTH_RATE_LIMITED', '', {
      en: `Too many sign-in attempts; try again in ${retryAfterSeconds} s`,
      'zh-CN': `登录尝试过于频繁，请在 ${retryAfterSeconds} 秒后重试`,
    }, { retryAfterSeconds }),
  forbidden: (roles: readonly string[]) =>
    problem('PERM_FORBIDDEN', '', {
      en: `This needs one of the roles: ${roles.join(', ')}`,
      'zh-CN': `需要以下角色之一：${roles.join('、')}`,
    }, { roles }),
  userNotFound: (id: string) =>
    problem('USER_NOT_FOUND', 'id', {
      en: `No user "${id}" exists`,
      'zh-CN': `用户“${id}”不存在`,
    }, { id }),
  cannotLockOutSelf: (field: string) =>
    problem('USER_SELF_LOCKOUT', field, {
      en: 'You cannot disable your own account or remove your own admin role',
      'zh-CN': '不能停用自己的账号或移除自己的管理员角色',
    }),
} satisfies Record<string, (...args: never[]) => Problem>;
