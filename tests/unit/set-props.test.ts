import { describe, expect, it } from 'vitest';
import * as THREE from 'three';
import { readFileSync } from 'node:fs';
import { POSES, PROP_TYPES, type LocaleFile, type PropType } from '../../src/content/types';
import { MeshBuilder } from '../../src/set/mesh-builder';
import type { PropTargets } from '../../src/set/prop-types';
import { PROP_BUILDERS } from '../../src/set/props';
import { FIGURE_HEIGHT, buildFigure, figureHeadHeight } from '../../src/set/figure';
import { LED_DISPLAY_ASPECT, ledSlice } from '../../src/set/led-scene';

const TRI_CAP: Partial<Record<PropType, number>> = { 'led-wall': 4000, 'video-village': 4000 };
const DEFAULT_CAP = 2500;
const FOOTPRINT = 3.0;
const EPS = 0.05;

/** The shipped English signs: what the props are drawn with in the app. */
const WORDS = (JSON.parse(readFileSync(new URL('../../scenes/locales/en.json', import.meta.url), 'utf8')) as LocaleFile).setDressing;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a * 1664525 + 1013904223) >>> 0;
    return a / 4294967296;
  };
}

function buildProp(type: PropType, seed = 7): { targets: PropTargets; box: THREE.Box3; triangles: number } {
  const targets: PropTargets = { solid: new MeshBuilder(), glow: new MeshBuilder(), screen: new MeshBuilder() };
  PROP_BUILDERS[type](targets, seeded(seed), WORDS);
  const box = new THREE.Box3();
  let triangles = 0;
  for (const b of [targets.solid, targets.glow, targets.screen]) {
    triangles += b.triangleCount;
    if (b.triangleCount === 0) continue;
    const geo = b.build();
    const pos = geo.getAttribute('position');
    for (let i = 0; i < pos.array.length; i++) {
      if (!Number.isFinite(pos.array[i]!)) throw new Error(`${type}: non-finite vertex`);
    }
    box.union(geo.boundingBox!);
    geo.dispose();
    b.dispose();
  }
  return { targets, box, triangles };
}

describe('prop builders', () => {
  it('cover every prop type', () => {
    for (const type of PROP_TYPES) expect(typeof PROP_BUILDERS[type], type).toBe('function');
  });

  for (const type of PROP_TYPES) {
    describe(type, () => {
      const { targets, box, triangles } = buildProp(type);

      it('draws a finite, non-empty solid body', () => {
        expect(targets.solid.triangleCount).toBeGreaterThan(20);
        expect(box.isEmpty()).toBe(false);
      });

      it('stays under its triangle budget', () => {
        expect(triangles).toBeLessThanOrEqual(TRI_CAP[type] ?? DEFAULT_CAP);
      });

      it('stands on the floor', () => {
        expect(box.min.y).toBeGreaterThanOrEqual(-EPS);
        expect(box.min.y).toBeLessThanOrEqual(EPS);
      });

      it('fits its footprint', () => {
        const size = box.getSize(new THREE.Vector3());
        if (type === 'led-wall') {
          expect(size.x).toBeGreaterThanOrEqual(6);
          expect(size.x).toBeLessThanOrEqual(8.5);
          expect(size.y).toBeGreaterThanOrEqual(3.5);
          expect(size.y).toBeLessThanOrEqual(4.8);
          expect(size.z).toBeLessThanOrEqual(3.5);
        } else {
          expect(size.x).toBeLessThanOrEqual(FOOTPRINT + EPS);
          expect(size.z).toBeLessThanOrEqual(FOOTPRINT + EPS);
          // centred on the origin, so a prop placed at a point occupies the space around it
          expect(Math.abs(box.min.x + box.max.x) / 2).toBeLessThan(1.0);
          expect(Math.abs(box.min.z + box.max.z) / 2).toBeLessThan(1.0);
          expect(size.y).toBeLessThanOrEqual(4.2);
        }
      });
    });
  }

  it('is deterministic for a given random source', () => {
    const a = buildProp('paint-station', 3);
    const b = buildProp('paint-station', 3);
    expect(a.triangles).toBe(b.triangles);
    expect(a.box.equals(b.box)).toBe(true);
  });

  it('gives the LED wall screen quads spanning the whole picture', () => {
    const targets: PropTargets = { solid: new MeshBuilder(), glow: new MeshBuilder(), screen: new MeshBuilder() };
    PROP_BUILDERS['led-wall'](targets, seeded(1), WORDS);
    const uv = targets.screen.build().getAttribute('uv');
    let minU = 1;
    let maxU = 0;
    for (let i = 0; i < uv.count; i++) {
      minU = Math.min(minU, uv.getX(i));
      maxU = Math.max(maxU, uv.getX(i));
    }
    expect(minU).toBeCloseTo(0, 5);
    expect(maxU).toBeCloseTo(1, 5);
  });
});

describe('crew figures', () => {
  for (const pose of POSES) {
    it(`${pose}: under 900 triangles, human height, on the floor`, () => {
      for (let seed = 1; seed <= 40; seed++) {
        const b = new MeshBuilder();
        buildFigure(b, { color: '#d6453d', pose, seed });
        expect(b.triangleCount).toBeLessThanOrEqual(900);
        const geo = b.build();
        const box = geo.boundingBox!;
        expect(box.min.y).toBeGreaterThanOrEqual(-EPS);
        expect(box.min.y).toBeLessThanOrEqual(EPS);
        if (pose === 'sit') {
          expect(box.max.y).toBeGreaterThan(1.25);
          expect(box.max.y).toBeLessThan(1.6);
        } else {
          expect(box.max.y).toBeGreaterThan(1.68);
          expect(box.max.y).toBeLessThan(1.92);
        }
        expect(box.max.x - box.min.x).toBeLessThan(1.0);
        geo.dispose();
      }
    });
  }

  it('varies between people', () => {
    const heights = new Set<number>();
    for (let seed = 1; seed <= 20; seed++) {
      const b = new MeshBuilder();
      buildFigure(b, { color: '#3d7ad6', pose: 'stand', seed });
      heights.add(Math.round(b.build().boundingBox!.max.y * 100));
    }
    expect(heights.size).toBeGreaterThan(5);
  });

  it('reports head heights that match the drawn figures', () => {
    expect(FIGURE_HEIGHT).toBeGreaterThan(1.7);
    expect(FIGURE_HEIGHT).toBeLessThan(1.85);
    expect(figureHeadHeight('stand')).toBe(FIGURE_HEIGHT);
    expect(figureHeadHeight('sit')).toBeLessThan(FIGURE_HEIGHT - 0.2);
  });
});

describe('LED picture slices', () => {
  it('keeps a 16:9 screen undistorted and inside the picture', () => {
    const [u0, v0, u1, v1] = ledSlice(0.95, 0.5, 0.8);
    expect(u0).toBeGreaterThanOrEqual(0);
    expect(u1).toBeLessThanOrEqual(1);
    expect(v0).toBeGreaterThanOrEqual(0);
    expect(v1).toBeLessThanOrEqual(1);
    expect(((u1 - u0) * LED_DISPLAY_ASPECT) / (v1 - v0)).toBeCloseTo(16 / 9, 5);
  });
});
