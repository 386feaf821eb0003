import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocaleFile, SetFile } from '../../src/content/types';
import { buildSetSteps, buildStepCount } from '../../src/set/build-set';

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as T;
const SET = read<SetFile>('scenes/set.json');
const WORDS = read<LocaleFile>('scenes/locales/en.json').setDressing;

/** A 2D context that accepts every call (the LED picture is painted; nothing here reads it back). */
function permissiveContext(): unknown {
  const gradient = { addColorStop: () => undefined };
  return new Proxy({}, {
    get: (_t, key) => (key === 'createLinearGradient' || key === 'createRadialGradient' ? () => gradient : key === 'measureText' ? () => ({ width: 10 }) : () => undefined),
    set: () => true,
  });
}

describe('building the set in steps', () => {
  const saved = (globalThis as { document?: unknown }).document;
  beforeAll(() => {
    (globalThis as { document?: unknown }).document = {
      createElement: () => ({ width: 0, height: 0, getContext: () => permissiveContext() }),
    };
  });
  afterAll(() => {
    (globalThis as { document?: unknown }).document = saved;
  });

  it('takes exactly the steps the loading bar is scaled to, and builds every station', () => {
    const steps = buildSetSteps(SET, WORDS);
    let count = 0;
    let r = steps.next();
    while (!r.done) {
      count++;
      r = steps.next();
    }
    expect(count).toBe(buildStepCount(SET));
    const built = r.value;
    expect([...built.stations.keys()]).toEqual(SET.stations.map((s) => s.id));
    expect(built.crew).toHaveLength(SET.stations.reduce((n, s) => n + s.crew.length, SET.hotSet?.performers.length ?? 0));
    expect(built.triangles).toBeGreaterThan(10_000);
    built.dispose();
  });

  it('draws the solids and the glow with one unlit material, with no lights left in the scene', () => {
    const steps = buildSetSteps(SET, WORDS);
    let r = steps.next();
    while (!r.done) r = steps.next();
    const built = r.value;
    const [solid, glow] = ['set-solid', 'set-glow'].map((n) => built.root.getObjectByName(n) as unknown as { material: { type: string }; geometry: { getAttribute(n: string): unknown } });
    expect(solid!.material).toBe(glow!.material);
    expect(solid!.material.type).toBe('MeshBasicMaterial');
    expect(solid!.geometry.getAttribute('uv')).toBeUndefined();
    let lights = 0;
    built.root.traverse((o) => { if ((o as { isLight?: boolean }).isLight) lights++; });
    expect(lights).toBe(0);
    built.dispose();
  });
});
