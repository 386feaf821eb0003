// Bench floor: everything Backlot ships on top of this is what the bench measures.
import 'aframe';
import 'howler';

const scene = document.querySelector('a-scene');
// A-Frame's start-up is over once the scene has loaded (where the bench's long-task window starts).
if (scene.hasLoaded) performance.mark('floor-scene');
else scene.addEventListener('loaded', () => performance.mark('floor-scene'), { once: true });

// First rendered frame: the scene's 'renderstart', then one animation frame (as Backlot marks it).
const mark = () => requestAnimationFrame(() => {
  performance.mark('floor-first-frame');
  document.body.dataset.floor = 'ready';
});
if (scene.renderStarted) mark();
else scene.addEventListener('renderstart', mark, { once: true });
