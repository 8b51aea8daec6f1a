import { localize, type Locale, type LocalizedText, type Problem } from '@trellis/errors';

/** An RFC 9457 problem document, with every Problem in both languages. */
export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: readonly { readonly code: string; readonly path: string; readonly message: LocalizedText }[];
  readonly requestId: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const TITLES: Readonly<Record<number, LocalizedText>> = {
  400: { en: 'Bad request', 'zh-CN': '请求无效' },
  401: { en: 'Not signed in', 'zh-CN': '未登录' },
  403: { en: 'Forbidden', 'zh-CN': '无权访问' },
  404: { en: 'Not found', 'zh-CN': '未找到' },
  405: { en: 'Method not allowed', 'zh-CN': '不支持该请求方法' },
  406: { en: 'Not acceptable', 'zh-CN': '无法提供所需格式' },
  409: { en: 'Conflict', 'zh-CN': '冲突' },
  413: { en: 'Request body too large', 'zh-CN': '请求体过大' },
  415: { en: 'Unsupported media type', 'zh-CN': '不支持的内容类型' },
  422: { en: 'Unprocessable content', 'zh-CN': '内容无法处理' },
  429: { en: 'Too many requests', 'zh-CN': '请求过于频繁' },
  500: { en: 'Internal server error', 'zh-CN': '服务器内部错误' },
  503: { en: 'Service unavailable', 'zh-CN': '服务暂不可用' },
};

function titleFor(status: number): LocalizedText {
  return TITLES[status] ?? (status >= 500 ? { en: 'Server error', 'zh-CN': '服务器错误' } : { en: 'Request failed', 'zh-CN': '请求失败' });
}

function detailFor(problems: readonly [Problem, ...Problem[]]): LocalizedText {
  const first = problems[0].message;
  const more = problems.length - 1;
  if (more === 0) return first;
  return { en: `${first.en} (and ${more} more)`, 'zh-CN': `${first['zh-CN']}（另有 ${more} 个问题）` };
}

/** The body for a failure; `title` and `detail` are in the caller's language, `errors` in both. */
export function problemBody(status: number, problems: readonly [Problem, ...Problem[]], locale: Locale, requestId: string): ProblemBody {
  const first = problems[0];
  return {
    type: `urn:trellis:problem:${first.code}`,
    title: localize(titleFor(status), locale),
    status,
    code: first.code,
    detail: localize(detailFor(problems), locale),
    errors: problems.map((p) => ({ code: p.code, path: p.path, message: p.message })),
    requestId,
  };
}
