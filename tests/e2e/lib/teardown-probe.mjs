// In-page bookkeeping for the teardown test, installed before any script runs: every listener on
// window and document, every live interval and pending timeout, and every animation frame asked
// for after the app was disposed — each with the stack of the code that asked for it.
export function installProbe() {
  const probe = { listeners: [], intervals: new Map(), timeouts: new Map(), frames: [], disposed: false };
  window.__probe = probe;
  const where = () => new Error().stack ?? '';
  const targetName = (t) => (t === window ? 'window' : t === document ? 'document' : null);
  const find = (t, type, fn, capture) => probe.listeners.findIndex((r) => r.t === t && r.type === type && r.fn === fn && r.capture === capture);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, options) {
    const name = targetName(this);
    if (name && fn) {
      const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
      if (find(this, type, fn, capture) < 0) {
        const record = { t: this, target: name, type, fn, capture, stack: where() };
        probe.listeners.push(record);
        // A once listener leaves by itself when it fires: so does its record.
        if (typeof options === 'object' && options?.once) {
          add.call(this, type, () => { const i = probe.listeners.indexOf(record); if (i >= 0) probe.listeners.splice(i, 1); }, { once: true, capture });
        }
      }
    }
    return add.call(this, type, fn, options);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, options) {
    if (targetName(this) && fn) {
      const i = find(this, type, fn, typeof options === 'boolean' ? options : Boolean(options?.capture));
      if (i >= 0) probe.listeners.splice(i, 1);
    }
    return remove.call(this, type, fn, options);
  };
  const { setInterval: si, clearInterval: ci, setTimeout: st, clearTimeout: ct, requestAnimationFrame: raf } = window;
  window.setInterval = function (fn, ms, ...args) {
    const id = si.call(window, fn, ms, ...args);
    probe.intervals.set(id, where());
    return id;
  };
  window.clearInterval = function (id) {
    probe.intervals.delete(id);
    return ci.call(window, id);
  };
  window.setTimeout = function (fn, ms, ...args) {
    let id = 0;
    const run = typeof fn === 'function' ? function (...a) { probe.timeouts.delete(id); return fn.apply(this, a); } : fn;
    id = st.call(window, run, ms, ...args);
    probe.timeouts.set(id, { stack: where(), ms: Number(ms) || 0 });
    return id;
  };
  window.clearTimeout = function (id) {
    probe.timeouts.delete(id);
    return ct.call(window, id);
  };
  window.requestAnimationFrame = function (fn) {
    if (probe.disposed) probe.frames.push(where());
    return raf.call(window, fn);
  };
}

/** What is still registered now (stacks only: the functions stay in the page). */
export function readProbe() {
  const p = window.__probe;
  return {
    listeners: p.listeners.map((r) => ({ what: `${r.target} ${r.type}${r.capture ? ' (capture)' : ''}`, stack: r.stack })),
    intervals: [...p.intervals.values()].map((stack) => ({ what: 'interval', stack })),
    timeouts: [...p.timeouts.values()].map(({ stack, ms }) => ({ what: `timeout ${ms} ms`, stack })),
    frames: p.frames.map((stack) => ({ what: 'animation frame', stack })),
  };
}
