import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrellisError, problem } from '@trellis/errors';
import { createTestApp, type TestApp } from '../testing/test-app.js';

const PROBLEM_JSON = /^application\/problem\+json/;
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ bodyLimit: 1024 });
  // routes that exercise the error handler the way data routes will
  t.app.post('/api/echo', {
    config: { public: true },
    schema: {
      tags: ['test'],
      body: {
        type: 'object',
        required: ['name', 'age'],
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 2 }, age: { type: 'integer', minimum: 0 }, address: { type: 'object', properties: { city: { type: 'string' } } } },
      },
    },
  }, async (request) => request.body);
  t.app.get('/api/throws/:code', { config: { public: true } }, async (request) => {
    const { code } = request.params as { code: string };
    if (code === 'BUG') throw new Error('secret internals');
    throw new TrellisError([problem(code, 'field.x', { en: `English ${code}`, 'zh-CN': `中文 ${code}` })]);
  });
});
afterAll(() => t.close());

describe('problem documents', () => {
  it('unknown routes are 404 problems with every field of the shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nowhere?x=1', headers: { 'x-request-id': 'req-404' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.json()).toEqual({
      type: 'urn:trellis:problem:ROUTE_NOT_FOUND',
      title: 'Not found',
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      detail: 'There is no route GET /nowhere',
      errors: [{ code: 'ROUTE_NOT_FOUND', path: '', message: { en: 'There is no route GET /nowhere', 'zh-CN': '不存在路由 GET /nowhere' } }],
      requestId: 'req-404',
    });
    expect(res.headers['x-request-id']).toBe('req-404');
  });

  it('title and detail follow Accept-Language; errors keep both languages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nowhere', headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    const body = res.json();
    expect(body.title).toBe('未找到');
    expect(body.detail).toBe('不存在路由 GET /nowhere');
    expect(body.errors[0].message.en).toBe('There is no route GET /nowhere');
  });

  it('schema validation is a 400 naming each field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/echo', payload: { name: 'a', extra: 1, address: { city: { no: 1 } } } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    const errors = res.json().errors as { code: string; path: string; message: { en: string; 'zh-CN': string } }[];
    expect(errors.map((e) => [e.code, e.path]).sort()).toEqual([
      ['REQUEST_ADDITIONAL_PROPERTIES', 'body.extra'],
      ['REQUEST_MIN_LENGTH', 'body.name'],
      ['REQUEST_REQUIRED', 'body.age'],
      ['REQUEST_TYPE', 'body.address.city'],
    ]);
    const age = errors.find((e) => e.path === 'body.age');
    expect(age?.message).toEqual({ en: 'Field "body.age" is required.', 'zh-CN': '字段“body.age”为必填项。' });
  });

  it('a valid body passes unchanged', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/echo', payload: { name: 'ab', age: 3 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'ab', age: 3 });
  });

  it('bodies over the limit are 413', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/echo', payload: { name: 'x'.repeat(2000), age: 1 } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, code: 'REQUEST_BODY_TOO_LARGE' });
  });

  it('unknown content types are 415', async () => {
    for (const type of ['text/plain', 'application/xml']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/echo', headers: { 'content-type': type }, payload: '<a/>' });
      expect(res.statusCode).toBe(415);
      expect(res.json()).toMatchObject({ code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE', errors: [{ path: 'headers.content-type' }] });
    }
  });

  it('__proto__ and constructor.prototype keys are refused as 400, malformed JSON too', async () => {
    const json = { 'content-type': 'application/json' };
    const proto = await t.app.inject({ method: 'POST', url: '/api/echo', headers: json, payload: '{"name":"ab","age":1,"__proto__":{"admin":true}}' });
    expect(proto.statusCode).toBe(400);
    expect(proto.json()).toMatchObject({ code: 'REQUEST_FORBIDDEN_KEY', errors: [{ path: 'body' }] });
    const ctor = await t.app.inject({ method: 'POST', url: '/api/echo', headers: json, payload: '{"name":"ab","age":1,"constructor":{"prototype":{"x":1}}}' });
    expect(ctor.statusCode).toBe(400);
    expect(ctor.json().code).toBe('REQUEST_FORBIDDEN_KEY');
    const broken = await t.app.inject({ method: 'POST', url: '/api/echo', headers: json, payload: '{"name":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('REQUEST_INVALID_JSON');
  });

  it('TrellisErrors get the status of their code', async () => {
    const cases: [string, number][] = [
      ['STORAGE_CONFLICT', 409], ['STORAGE_NOT_FOUND', 404], ['STORAGE_DUPLICATE', 409],
      ['PERM_FORBIDDEN', 403], ['AUTH_REQUIRED', 401], ['FORM_INVALID', 422], ['STORAGE_BAD_FILTER', 400], ['RECORD_BAD_CURSOR', 400], ['RECORD_STALE_REVISION', 409], ['ATTACHMENT_TOO_LARGE', 413],
    ];
    for (const [code, status] of cases) {
      const res = await t.app.inject({ method: 'GET', url: `/api/throws/${code}`, headers: { 'accept-language': 'zh' } });
      expect([code, res.statusCode]).toEqual([code, status]);
      expect(res.json()).toMatchObject({ code, status, detail: `中文 ${code}`, errors: [{ code, path: 'field.x' }] });
    }
  });

  it('unexpected errors are 500 without internals, with a generated request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/throws/BUG' });
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(body)).not.toContain('secret internals');
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-request-id']).toBe(body.requestId);
  });

  it('an implausible x-request-id is replaced', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'x'.repeat(200) } });
    expect(res.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
