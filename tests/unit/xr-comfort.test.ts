import { describe, expect, it } from 'vitest';
import { isWalkable, teleportArc, type WalkableArea } from '../../src/xr/teleport';
import { SnapTurner } from '../../src/xr/snap-turn';

const AREA: WalkableArea = { halfWidth: 18, halfDepth: 14, margin: 0.6 };
const norm = (x: number, y: number, z: number) => {
  const l = Math.hypot(x, y, z);
  return { x: x / l, y: y / l, z: z / l };
};

describe('teleportArc', () => {
  it('a hand held level at 1.2 m lands a few metres ahead, on the floor', () => {
    const arc = teleportArc({ x: 0, y: 1.2, z: 0 }, { x: 0, y: 0, z: -1 }, AREA);
    expect(arc.landing).not.toBeNull();
    expect(arc.landing!.y).toBe(0);
    expect(arc.landing!.z).toBeLessThan(-2);
    expect(arc.landing!.z).toBeGreaterThan(-5);
    expect(arc.landing!.x).toBeCloseTo(0);
    expect(arc.valid).toBe(true);
  });

  it('aiming higher throws further (up to 45°)', () => {
    const low = teleportArc({ x: 0, y: 1.2, z: 0 }, norm(0, -0.3, -1), AREA).landing!;
    const level = teleportArc({ x: 0, y: 1.2, z: 0 }, norm(0, 0, -1), AREA).landing!;
    const high = teleportArc({ x: 0, y: 1.2, z: 0 }, norm(0, 0.5, -1), AREA).landing!;
    expect(-low.z).toBeLessThan(-level.z);
    expect(-level.z).toBeLessThan(-high.z);
  });

  it('the arc starts at the hand and ends at the landing point', () => {
    const origin = { x: 1, y: 1.4, z: 2 };
    const arc = teleportArc(origin, norm(1, 0.2, -1), AREA);
    expect(arc.points[0]).toEqual(origin);
    const last = arc.points[arc.points.length - 1]!;
    expect(last.x).toBeCloseTo(arc.landing!.x);
    expect(last.y).toBeCloseTo(0);
    expect(last.z).toBeCloseTo(arc.landing!.z);
  });

  it('a landing past a wall is refused', () => {
    const arc = teleportArc({ x: 17, y: 1.2, z: 0 }, norm(1, 0.3, 0), AREA);
    expect(arc.landing).not.toBeNull();
    expect(arc.landing!.x).toBeGreaterThan(17.4);
    expect(arc.valid).toBe(false);
  });

  it('an arc that never comes down within reach has no landing', () => {
    const arc = teleportArc({ x: 0, y: 1.2, z: 0 }, { x: 0, y: 1, z: 0 }, AREA, -50);
    expect(arc.landing).toBeNull();
    expect(arc.valid).toBe(false);
  });

  it('isWalkable keeps the margin along every wall', () => {
    expect(isWalkable(0, 0, AREA)).toBe(true);
    expect(isWalkable(17.4, 13.4, AREA)).toBe(true);
    expect(isWalkable(17.5, 0, AREA)).toBe(false);
    expect(isWalkable(0, -13.5, AREA)).toBe(false);
    expect(isWalkable(-30, 0, AREA)).toBe(false);
  });
});

describe('SnapTurner', () => {
  it('one flick turns once, by the chosen angle; right is negative yaw', () => {
    const s = new SnapTurner();
    expect(s.update(0.9, 30)).toBe(-30);
    expect(s.update(1, 30)).toBe(0); // still held: no spin
    expect(s.update(0.5, 30)).toBe(0); // not yet back to centre
    expect(s.update(0.1, 30)).toBe(0); // re-armed
    expect(s.update(-0.8, 45)).toBe(45);
  });

  it('small deflections never turn', () => {
    const s = new SnapTurner();
    for (const x of [0, 0.2, -0.5, 0.69, -0.69]) expect(s.update(x, 30)).toBe(0);
  });

  it('reset re-arms a held stick', () => {
    const s = new SnapTurner();
    expect(s.update(1, 30)).toBe(-30);
    s.reset();
    expect(s.update(1, 30)).toBe(-30);
  });
});
