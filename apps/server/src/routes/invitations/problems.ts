import { problem } from '@trellis/errors';

/** Invitation failures: stable codes, both languages. */
export const invitationProblems = {
  notFound: () =>
    problem('INVITATION_NOT_FOUND', 'token', {
      en: 'This invitation link is not valid',
      'zh-CN': '邀请链接无效',
    }),
  used: () =>
    problem('INVITATION_USED', 'token', {
      en: 'This invitation has already been used; sign in instead',
      'zh-CN': '该邀请已被使用，请直接登录',
    }),
  expired: () =>
    problem('INVITATION_EXPIRED', 'token', {
      en: 'This invitation has expired; ask your channel manager for a new one',
      'zh-CN': '该邀请已过期，请联系渠道经理重新邀请',
    }),
  staffOnly: () =>
    problem('PERM_FORBIDDEN', '', {
      en: 'Only internal staff can invite partner users',
      'zh-CN': '只有内部员工可以邀请伙伴用户',
    }),
  adminRole: (index: number) =>
    problem('INVITATION_ROLE_NOT_ALLOWED', `body.roles.${index}`, {
      en: 'An invitation cannot grant the administrator role',
      'zh-CN': '邀请不能授予系统管理员角色',
    }),
};
