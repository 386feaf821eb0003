// Bench floor: everything Backlot ships on top of this is what the bench measures.
import 'aframe';
import 'howler';

// First rendered frame: the scene's 'renderstart', then one animation frame (as Backlot marks it).
const scene = document.querySelector('a-scene');
const mark = () => requestAnimationFrame(() => {
  performance.mark('floor-first-frame');
  document.body.dataset.floor = 'ready';
});
if (scene.renderStarted) mark();
else scene.addEventListener('renderstart', mark, { once: true });
