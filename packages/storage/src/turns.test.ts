import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { oneStatementPerTurn } from './turns.js';

describe('one statement per event-loop turn', () => {
  it('runs statements in the order they were submitted, one at a time', async () => {
    const turn = oneStatementPerTurn();
    const events: string[] = [];
    const statement = (name: string) => async () => {
      events.push(`start ${name}`);
      await Promise.resolve();
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([turn(statement('a')), turn(statement('b')), turn(statement('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('lets the event loop turn between two statements, so work that arrived meanwhile runs first', async () => {
    const turn = oneStatementPerTurn();
    const events: string[] = [];
    const first = turn(async () => {
      events.push('first');
      // what a socket read during the first statement would schedule
      void nextTurn().then(() => events.push('arrived during the first'));
    });
    const second = turn(async () => void events.push('second'));
    await Promise.all([first, second]);
    expect(events).toEqual(['first', 'arrived during the first', 'second']);
  });

  it('goes on after a statement fails, and the failure reaches its caller', async () => {
    const turn = oneStatementPerTurn();
    const failed = turn(async () => {
      throw new Error('refused');
    });
    const next = turn(async () => 'next');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('next');
  });
});
