// How much of the screen the interface covers, measured in the page: a grid of points over the
// viewport, each covered if it falls in the box of an element that paints something (a background,
// a border, text, a control), or on the 3D explanation panel. The rest shows the film set.
export function coveredShare() {
  const boxes = [];
  const paints = (el, style) => {
    const bg = style.backgroundColor;
    const alpha = bg === 'transparent' ? 0 : Number(/rgba?\(([^)]+)\)/.exec(bg)?.[1].split(',')[3] ?? 1);
    if (alpha > 0.05 || style.backgroundImage !== 'none') return true;
    if (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none') return true;
    if (['BUTTON', 'INPUT', 'SELECT', 'IMG'].includes(el.tagName)) return true;
    return [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim().length > 0);
  };
  for (const root of [document.getElementById('hud'), document.getElementById('ar-overlay')]) {
    if (!root) continue;
    for (const el of [root, ...root.querySelectorAll('*')]) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      if (el.closest('[hidden], dialog:not([open])')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) continue;
      if (paints(el, style)) boxes.push(r);
    }
  }
  // The 3D panel, where drawn: its corners projected to the screen.
  const scene = document.querySelector('a-scene');
  const panel = scene?.object3D.getObjectByName('info-panel');
  if (panel?.visible) {
    const THREE = window.AFRAME.THREE;
    const box = new THREE.Box3().setFromObject(panel);
    const cam = scene.camera;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const x of [box.min.x, box.max.x]) for (const y of [box.min.y, box.max.y]) for (const z of [box.min.z, box.max.z]) {
      const p = new THREE.Vector3(x, y, z).project(cam);
      x0 = Math.min(x0, ((p.x + 1) / 2) * innerWidth); x1 = Math.max(x1, ((p.x + 1) / 2) * innerWidth);
      y0 = Math.min(y0, ((1 - p.y) / 2) * innerHeight); y1 = Math.max(y1, ((1 - p.y) / 2) * innerHeight);
    }
    boxes.push({ left: x0, top: y0, right: x1, bottom: y1 });
  }
  const cols = 60;
  const rows = Math.round((cols * innerHeight) / innerWidth);
  let covered = 0;
  for (let i = 0; i < cols; i++) {
    for (let j = 0; j < rows; j++) {
      const x = ((i + 0.5) / cols) * innerWidth;
      const y = ((j + 0.5) / rows) * innerHeight;
      if (boxes.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) covered++;
    }
  }
  return covered / (cols * rows);
}
