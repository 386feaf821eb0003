import type { PropTargets } from './prop-types';

/**
 * The shell of the soundstage the visitor stands in: a sealed concrete floor, padded walls, a big
 * elephant door, a lighting grid of trusses with hanging lamps and work lights, exit signs.
 * Everything goes into the shared merged meshes, so the whole room costs no extra draw calls.
 */
export function buildSoundstage(t: PropTargets, size: { width: number; depth: number; height: number }): void {
  const { solid, glow } = t;
  const W = size.width;
  const D = size.depth;
  const H = size.height;
  const hw = W / 2;
  const hd = D / 2;

  // Floor: dark sealed concrete in large slabs with slightly different tones.
  const slab = 4;
  for (let x = -hw; x < hw - 0.01; x += slab) {
    for (let z = -hd; z < hd - 0.01; z += slab) {
      const w = Math.min(slab, hw - x);
      const d = Math.min(slab, hd - z);
      const tone = ((Math.round(x / slab) + Math.round(z / slab)) & 1) === 0 ? '#3a3a3d' : '#363639';
      solid.box(w - 0.02, 0.1, d - 0.02, tone, x + w / 2, -0.05, z + d / 2);
    }
  }

  // Walls: padded acoustic blankets in vertical bays above a painted kick rail.
  const wall = (length: number, place: (along: number) => [number, number], rotY: number): void => {
    const bay = 2;
    for (let a = -length / 2; a < length / 2 - 0.01; a += bay) {
      const w = Math.min(bay, length / 2 - a);
      const [x, z] = place(a + w / 2);
      solid.push().translate(x, 0, z).rotateY(rotY);
      const tone = (Math.round(a / bay) & 1) === 0 ? '#2b2f36' : '#272a31';
      solid.box(w - 0.06, H - 1.2, 0.18, tone, 0, 1.2 + (H - 1.2) / 2, 0);
      solid.box(w, 1.2, 0.12, '#4a4d52', 0, 0.6, -0.03);
      solid.box(0.06, H, 0.24, '#1d1f23', -w / 2, H / 2, 0);
      solid.pop();
    }
  };
  wall(W, (a) => [a, -hd - 0.09], 0);
  wall(W, (a) => [a, hd + 0.09], Math.PI);
  wall(D, (a) => [-hw - 0.09, a], Math.PI / 2);
  wall(D, (a) => [hw + 0.09, a], -Math.PI / 2);
  // Ceiling: dark, so the grid reads against it.
  solid.box(W + 0.4, 0.2, D + 0.4, '#15161a', 0, H + 0.1, 0);

  // Elephant door in the back wall, with a green exit sign beside it.
  solid.box(6, 6.5, 0.12, '#5b5f63', 0, 3.25, hd - 0.04);
  for (let i = -2; i <= 2; i++) solid.box(0.08, 6.4, 0.16, '#44484c', i * 1.2, 3.2, hd - 0.1);
  solid.box(6.4, 0.3, 0.3, '#2f3236', 0, 6.65, hd - 0.1);
  glow.box(0.9, 0.3, 0.06, '#2ee86b', 4, 3.2, hd - 0.12);
  glow.box(0.9, 0.3, 0.06, '#2ee86b', -hw + 0.14, 3.2, 0, );

  // Lighting grid: box trusses running across the room with lamps hanging from them.
  const gridY = H - 1.4;
  const truss = (x0: number, z0: number, x1: number, z1: number): void => {
    for (const [dy, dz] of [[0, 0], [0.4, 0], [0, 0.4], [0.4, 0.4]] as const) {
      const ox = z0 === z1 ? 0 : dz;
      const oz = z0 === z1 ? dz : 0;
      solid.rod([x0 + ox, gridY + dy, z0 + oz], [x1 + ox, gridY + dy, z1 + oz], 0.025, '#9a9da3', 5);
    }
  };
  for (let z = -hd + 3; z <= hd - 3; z += 5) truss(-hw + 1, z, hw - 1, z);
  for (const x of [-hw + 3, 0, hw - 3]) truss(x, -hd + 1, x, hd - 1);
  // Hanging lamps and work lights along the trusses.
  let n = 0;
  for (let z = -hd + 3; z <= hd - 3; z += 5) {
    for (let x = -hw + 3.5; x <= hw - 3; x += 5) {
      n++;
      solid.rod([x, gridY, z + 0.2], [x, gridY - 0.5, z + 0.2], 0.02, '#222', 4);
      if (n % 3 === 0) {
        // Work light: a long fluorescent fixture.
        solid.box(1.3, 0.12, 0.3, '#d9dbe0', x, gridY - 0.56, z + 0.2);
        glow.box(1.2, 0.03, 0.22, '#fff6dc', x, gridY - 0.63, z + 0.2);
      } else {
        // Fresnel hanging from the grid, tilted down toward the set.
        solid.push().translate(x, gridY - 0.75, z + 0.2).rotateX(n % 2 ? 0.6 : -0.6);
        solid.cylinder(0.2, 0.22, 0.45, '#1b1b1d', 0, 0, 0, 10);
        solid.box(0.46, 0.02, 0.3, '#111', 0, 0.25, 0);
        solid.pop();
        glow.push().translate(x, gridY - 0.75, z + 0.2).rotateX(n % 2 ? 0.6 : -0.6);
        glow.cylinder(0.16, 0.16, 0.02, '#ffe2a8', 0, -0.235, 0, 10);
        glow.pop();
      }
    }
  }
}
