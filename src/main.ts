/**
 * The app's entry (loaded by src/boot.ts once any test-only XR emulation is in place). It registers
 * the A-Frame systems and components, then boots: src/app/boot.ts parses the URL, loads the
 * content, creates the world and installs the features for this mode (see docs/ARCHITECTURE.md).
 */
import 'aframe';
import './ui/hud.css';
import './ui/phone.css';
import './systems/tour';
import './systems/frame';
import './systems/xr';
import './components/station';
import './components/crew-member';
import './components/pointer-select';
import './components/keyboard-nav';
import { boot } from './app/boot';
import { showErrorScreen } from './ui/error-screen';

boot().catch((err: unknown) => {
  console.error('Backlot failed to start:', err);
  showErrorScreen([{ file: '(app)', path: '$', message: err instanceof Error ? err.message : String(err) }]);
});
