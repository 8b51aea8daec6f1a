import { describe, expect, it } from 'vitest';
import { describeConfig, formatConfig, readConfig, redactUrl } from './config.js';

describe('printed configuration', () => {
  it('marks defaults and masks database passwords', () => {
    const env = { PORT: '8080', DATABASE_URL: 'postgres://trellis:s3cret@127.0.0.1:5432/trellis' };
    const text = formatConfig(describeConfig(readConfig(env, '/srv'), env));
    expect(text).toContain('PORT            8080\n');
    expect(text).toContain('HOST            127.0.0.1  (default)');
    expect(text).toContain('postgres://trellis:***@127.0.0.1:5432/trellis');
    expect(text).not.toContain('s3cret');
    expect(redactUrl('not a url')).toBe('***');
  });

  it('prints whether webhooks are signed and masks the SMTP password, never the secret', () => {
    const env = { WEBHOOK_SECRET: 'hush-hush', SMTP_URL: 'smtp://mailer:pa55@127.0.0.1:2525', JOB_POLL_MS: '250' };
    const text = formatConfig(describeConfig(readConfig(env, '/srv'), env));
    expect(text).toContain('WEBHOOK_SECRET  (set)\n');
    expect(text).toContain('smtp://mailer:***@127.0.0.1:2525');
    expect(text).toContain('JOB_POLL_MS     250\n');
    expect(text).not.toMatch(/hush-hush|pa55/);
    const defaults = formatConfig(describeConfig(readConfig({}, '/srv'), {}));
    expect(defaults).toContain('WEBHOOK_SECRET  (none: webhooks are sent unsigned)  (default)');
    expect(defaults).toContain('SMTP_URL        (none: emails are logged as skipped)  (default)');
  });
});

describe('readConfig', () => {
  it('applies the defaults and refuses a port that is not one', () => {
    expect(readConfig({}, '/srv/trellis')).toEqual({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/trellis/data',
      logLevel: 'info',
      jobPollMs: 1000,
      webhookSecret: undefined,
      smtpUrl: undefined,
      smtpFrom: 'Trellis <trellis@localhost>',
    });
    expect(readConfig({ DATA_DIR: '/var/lib/trellis', HOST: '::1', PORT: ' ' }, '/srv')).toMatchObject({ dataDir: '/var/lib/trellis', host: '::1', port: 3000 });
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => readConfig({ JOB_POLL_MS: 'often' })).toThrow(/JOB_POLL_MS/);
  });
});
