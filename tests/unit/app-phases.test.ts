import { afterEach, describe, expect, it, vi } from 'vitest';
import { FramePhases, PHASES } from '../../src/app/phases';
import { Disposables } from '../../src/app/disposables';

describe('FramePhases', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs work in phase order, whatever order it was added in', () => {
    const phases = new FramePhases();
    const ran: string[] = [];
    for (const phase of [...PHASES].reverse()) phases.add(phase, phase, () => ran.push(phase));
    phases.run(0.016);
    expect(ran).toEqual([...PHASES]);
  });

  it('keeps the order work was added in within a phase, and passes dt', () => {
    const phases = new FramePhases();
    const ran: [string, number][] = [];
    phases.add('overlays', 'a', (dt) => ran.push(['a', dt]));
    phases.add('overlays', 'b', (dt) => ran.push(['b', dt]));
    phases.run(0.02);
    expect(ran).toEqual([['a', 0.02], ['b', 0.02]]);
  });

  it("logs a feature's error once and keeps running it and everything after it", () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const phases = new FramePhases();
    let later = 0;
    let broken = 0;
    phases.add('xr', 'broken', () => {
      broken++;
      throw new Error('boom');
    });
    phases.add('commit', 'later', () => later++);
    for (let i = 0; i < 5; i++) phases.run(0.016);
    expect(broken).toBe(5);
    expect(later).toBe(5);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toContain('"broken" (xr phase)');
  });

  it('removes work with the remover it returned', () => {
    const phases = new FramePhases();
    let n = 0;
    const remove = phases.add('hud', 'x', () => n++);
    phases.run(0.016);
    remove();
    phases.run(0.016);
    expect(n).toBe(1);
    expect(phases.counts().hud).toBe(0);
  });
});

describe('Disposables', () => {
  it('undoes in reverse order, once, and keeps going past a failing disposer', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const d = new Disposables();
    const order: number[] = [];
    d.add(() => order.push(1));
    d.add(() => {
      throw new Error('bad');
    });
    d.add(() => order.push(3));
    d.dispose();
    d.dispose();
    expect(order).toEqual([3, 1]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(d.isDisposed).toBe(true);
  });

  it('undoes at once what is added after the end (a late async step)', () => {
    const d = new Disposables();
    d.dispose();
    let undone = false;
    d.add(() => (undone = true));
    expect(undone).toBe(true);
  });

  it('removes listeners with the capture flag they were added with', () => {
    const target = new EventTarget();
    const d = new Disposables();
    let n = 0;
    d.listen(target, 'ping', () => n++, { capture: true, passive: true });
    target.dispatchEvent(new Event('ping'));
    d.dispose();
    target.dispatchEvent(new Event('ping'));
    expect(n).toBe(1);
  });
});
