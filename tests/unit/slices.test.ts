import { describe, expect, it } from 'vitest';
import { finish, inSlices, yieldToMain, type Steps } from '../../src/slices';

/** Steps that each take `ms` of busy time and record when they ran. */
function* busy(count: number, ms: number, log: number[]): Steps<string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until) { /* work */ }
    log.push(i);
    yield;
  }
  return `done ${count}`;
}

describe('slices', () => {
  it('finish runs every step and returns the result', () => {
    const log: number[] = [];
    expect(finish(busy(5, 0, log))).toBe('done 5');
    expect(log).toEqual([0, 1, 2, 3, 4]);
  });

  it('inSlices gives the main thread back about every budget, and returns the same result', async () => {
    const log: number[] = [];
    let turns = 0;
    let stop = false;
    // Counts how often other tasks got to run while the steps were going.
    const tick = (): void => {
      if (stop) return;
      turns++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const result = await inSlices(busy(20, 3, log), 8);
    stop = true;
    expect(result).toBe('done 20');
    expect(log).toHaveLength(20);
    // 20 steps of 3 ms in slices of 8 ms: about 7 slices, so other work ran in between.
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it('inSlices runs cheap steps in one go', async () => {
    const log: number[] = [];
    let ranBetween = false;
    setTimeout(() => { ranBetween = log.length < 50; }, 0);
    await inSlices(busy(50, 0, log), 1000);
    expect(ranBetween).toBe(false);
  });

  it('yieldToMain resumes in a later task, after queued promise work', async () => {
    const order: string[] = [];
    const done = yieldToMain().then(() => order.push('resumed'));
    order.push('sync');
    void Promise.resolve().then(() => order.push('microtask'));
    await done;
    expect(order).toEqual(['sync', 'microtask', 'resumed']);
  });
});
