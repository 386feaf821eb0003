// Without WebGL the visitor gets a readable message, not a blank page or a stack trace.
import { assert, test } from '../lib/runner.mjs';
import { isVisible, need, text } from '../lib/helpers.mjs';

test('no-webgl: shows #no-webgl when WebGL is unavailable', async (t) => {
  const page = await t.openApp('', {
    expect: 'no-webgl',
    beforeGoto: (p) => p.evaluateOnNewDocument(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function getContext(type, ...rest) {
        if (/webgl/i.test(String(type))) return null;
        return original.call(this, type, ...rest);
      };
    }),
  });
  await need(page, '#no-webgl');
  assert(await isVisible(page, '#no-webgl'), '#no-webgl is not visible');
  const message = await text(page, '#no-webgl');
  assert(message.length >= 20, `#no-webgl says too little: "${message}"`);
  await t.screenshot(page, 'no-webgl.png');
});
