import { localDate } from '@trellis/flow';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../flows/scope.js';
import { formTime } from './form-time.js';

describe('formTime', () => {
  it("gives forms the flows' $today: after 16:00 UTC it is already tomorrow in Beijing", () => {
    const late = new Date('2026-04-07T16:30:00.000Z');
    expect(formTime(late)).toEqual({ now: '2026-04-07T16:30:00.000Z', today: '2026-04-08' });
    expect(formTime(late).today).toBe(localDate(late.toISOString(), DEFAULT_CALENDAR));
    expect(formTime(new Date('2026-04-07T15:59:59.000Z')).today).toBe('2026-04-07');
  });
});
