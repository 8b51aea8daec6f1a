import { problem } from '@trellis/errors';

/** Self-registration failures: stable codes, both languages. */
export const registrationProblems = {
  closed: (app: string) =>
    problem('REGISTRATION_CLOSED', 'app', {
      en: 'This app does not take sign-ups (no role of its template has selfRegistration); ask for an invitation',
      'zh-CN': '此应用未开放自助注册（模板中没有角色设置 selfRegistration），请联系我们获取邀请',
    }, { app }),
  emailTaken: () =>
    problem('REGISTRATION_EMAIL_TAKEN', 'body.email', {
      en: 'An account with this e-mail address exists already; sign in instead',
      'zh-CN': '该邮箱已注册，请直接登录',
    }),
  tooMany: (retryAfterSeconds: number) =>
    problem('REGISTRATION_RATE_LIMITED', '', {
      en: `Too many sign-ups from this address; try again in ${retryAfterSeconds} s`,
      'zh-CN': `此网络地址注册过于频繁，请在 ${retryAfterSeconds} 秒后重试`,
    }, { retryAfterSeconds }),
};
