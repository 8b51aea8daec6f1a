import { problem, type Problem } from '@trellis/errors';

/** The HTTP layer's own failures: stable codes, both languages. */
export const httpProblems = {
  routeNotFound: (method: string, url: string) =>
    problem('ROUTE_NOT_FOUND', '', {
      en: `There is no route ${method} ${url}`,
      'zh-CN': `不存在路由 ${method} ${url}`,
    }, { method, url }),
  bodyTooLarge: () =>
    problem('REQUEST_BODY_TOO_LARGE', 'body', {
      en: 'The request body is larger than the server accepts',
      'zh-CN': '请求体超过了服务器允许的大小',
    }),
  unsupportedMediaType: (contentType: string) =>
    problem('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'headers.content-type', {
      en: `The content type "${contentType}" is not accepted here`,
      'zh-CN': `此处不接受内容类型“${contentType}”`,
    }, { contentType }),
  invalidJson: () =>
    problem('REQUEST_INVALID_JSON', 'body', {
      en: 'The request body is not valid JSON',
      'zh-CN': '请求体不是合法的 JSON',
    }),
  forbiddenKey: () =>
    problem('REQUEST_FORBIDDEN_KEY', 'body', {
      en: 'The request body contains a forbidden key (__proto__ or constructor.prototype)',
      'zh-CN': '请求体包含禁止使用的键（__proto__ 或 constructor.prototype）',
    }),
  badRequest: (reason: string) =>
    problem('REQUEST_INVALID', '', {
      en: `The request cannot be processed: ${reason}`,
      'zh-CN': `无法处理该请求：${reason}`,
    }, { reason }),
  internal: () =>
    problem('INTERNAL_ERROR', '', {
      en: 'An unexpected error occurred; the request id identifies it in the server log',
      'zh-CN': '发生了意外错误；可凭请求编号在服务器日志中查找',
    }),
  notReady: () =>
    problem('SERVER_NOT_READY', '', {
      en: 'The server is starting (migrating the database) or shutting down; try again shortly',
      'zh-CN': '服务器正在启动（迁移数据库）或正在关闭，请稍后重试',
    }),
} satisfies Record<string, (...args: never[]) => Problem>;
