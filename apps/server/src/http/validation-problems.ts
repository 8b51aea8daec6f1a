import { problem, type LocalizedText, type Problem } from '@trellis/errors';

/** What fastify reports for one failed schema keyword (an ajv error object). */
export interface SchemaError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** `/address/0/city` in the `body` → `body.address.0.city`: the part of the request, then the field. */
function fieldPath(context: string, instancePath: string, child?: unknown): string {
  const parts = instancePath === '' ? [] : instancePath.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof child === 'string') parts.push(child);
  return [context, ...parts].join('.');
}

function list(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join(', ') : String(value);
}

/** The predicate in both languages for the keywords request schemas use; ajv's English otherwise. */
function predicate(error: SchemaError): LocalizedText {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return { en: 'is required', 'zh-CN': '为必填项' };
    case 'additionalProperties':
      return { en: 'is not allowed', 'zh-CN': '不被允许' };
    case 'type':
      return { en: `must be of type ${String(p.type)}`, 'zh-CN': `应当是 ${String(p.type)} 类型` };
    case 'enum':
      return { en: `must be one of ${list(p.allowedValues)}`, 'zh-CN': `应当是以下值之一：${list(p.allowedValues)}` };
    case 'const':
      return { en: `must be ${JSON.stringify(p.allowedValue)}`, 'zh-CN': `应当为 ${JSON.stringify(p.allowedValue)}` };
    case 'minLength':
      return { en: `must have at least ${String(p.limit)} characters`, 'zh-CN': `至少应有 ${String(p.limit)} 个字符` };
    case 'maxLength':
      return { en: `must have at most ${String(p.limit)} characters`, 'zh-CN': `最多应有 ${String(p.limit)} 个字符` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { en: `must be ${String(p.comparison)} ${String(p.limit)}`, 'zh-CN': `应当 ${String(p.comparison)} ${String(p.limit)}` };
    case 'minItems':
      return { en: `must have at least ${String(p.limit)} items`, 'zh-CN': `至少应有 ${String(p.limit)} 项` };
    case 'maxItems':
      return { en: `must have at most ${String(p.limit)} items`, 'zh-CN': `最多应有 ${String(p.limit)} 项` };
    case 'pattern':
      return { en: `must match the pattern ${String(p.pattern)}`, 'zh-CN': `应当匹配模式 ${String(p.pattern)}` };
    case 'format':
      return { en: `must be a valid ${String(p.format)}`, 'zh-CN': `应当是有效的 ${String(p.format)} 格式` };
    default:
      return { en: error.message ?? `must pass "${error.keyword}"`, 'zh-CN': `未通过“${error.keyword}”校验` };
  }
}

/** `additionalProperties` → `REQUEST_ADDITIONAL_PROPERTIES`. */
function codeFor(keyword: string): string {
  return `REQUEST_${keyword.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/**
 * Fastify's schema errors for one part of the request as Problems. The path names the field
 * itself (a missing or unexpected property, not the object holding it), prefixed with the part
 * (`body`, `querystring`, `params`, `headers`).
 */
export function validationProblems(context: string, errors: readonly SchemaError[]): Problem[] {
  return errors.map((error) => {
    const child = error.keyword === 'required' ? error.params.missingProperty : error.keyword === 'additionalProperties' ? error.params.additionalProperty : undefined;
    const path = fieldPath(context, error.instancePath, child);
    const what = predicate(error);
    return problem(codeFor(error.keyword), path, {
      en: `Field "${path}" ${what.en}.`,
      'zh-CN': `字段“${path}”${what['zh-CN']}。`,
    });
  });
}
