// A proxy in front of the preview server that a test can unplug (no network, also for the
// service worker, which Puppeteer's setOfflineMode() does not reach) and whose answers it can
// override per path (a broken or edited content file on the "host").
import http from 'node:http';
import { freePort } from './server.mjs';

/**
 * Forwards MOUNT/* to `target` (the preview server) on a port of its own. `unplug()` closes it (every
 * request then fails as with no network) and `plug()` opens it again on the same port, so the
 * origin, and with it the service worker and its caches, stay the same. `serve(fn)`: `fn(path)` may
 * answer a path itself with { type, body }.
 */
export async function unpluggableProxy(target, MOUNT = '/offline/') {
  const upstream = new URL(target);
  let override = () => null;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith(MOUNT)) { res.writeHead(404).end('outside the mount'); return; }
    const path = url.pathname.slice(MOUNT.length);
    const own = override(path);
    if (own) { res.writeHead(200, { 'Content-Type': own.type, 'Cache-Control': 'no-cache' }).end(own.body); return; }
    const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: `/${path}${url.search}`, headers: { ...req.headers, host: upstream.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  const port = await freePort();
  const plug = () => new Promise((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', () => { server.off('error', fail); ok(); }); });
  const unplug = () => new Promise((done) => {
    if (!server.listening) { done(); return; }
    server.closeAllConnections?.();
    server.close(() => done());
  });
  await plug();
  return { url: `http://127.0.0.1:${port}${MOUNT}`, serve: (fn) => { override = fn; }, plug, unplug };
}
