/**
 * Everything a feature adds to the page, kept so its disposer can take it all away again:
 * listeners, intervals, timeouts, frame work, subscriptions, objects in the scene and DOM nodes.
 * Disposed in reverse order, like a stack, so later additions that lean on earlier ones go first.
 */
export type Disposer = () => void;

export class Disposables {
  private readonly stack: Disposer[] = [];
  private disposed = false;

  /** Keeps a disposer (an unsubscribe, a `dispose()` of an existing class) to run at the end. */
  add(disposer: Disposer): void {
    if (this.disposed) disposer(); // added after the end: undo at once rather than leak
    else this.stack.push(disposer);
  }

  listen<K extends keyof WindowEventMap>(target: Window, type: K, fn: (e: WindowEventMap[K]) => void, options?: AddEventListenerOptions | boolean): void;
  listen<K extends keyof DocumentEventMap>(target: Document, type: K, fn: (e: DocumentEventMap[K]) => void, options?: AddEventListenerOptions | boolean): void;
  listen<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, fn: (e: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions | boolean): void;
  listen(target: EventTarget, type: string, fn: (e: Event) => void, options?: AddEventListenerOptions | boolean): void;
  listen(target: EventTarget, type: string, fn: (e: Event) => void, options?: AddEventListenerOptions | boolean): void {
    target.addEventListener(type, fn, options);
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    this.add(() => target.removeEventListener(type, fn, { capture }));
  }

  interval(fn: () => void, ms: number): number {
    const id = window.setInterval(fn, ms);
    this.add(() => window.clearInterval(id));
    return id;
  }

  /** A timeout that is cleared if the feature goes first; returns its id for an early clear. */
  timeout(fn: () => void, ms: number): number {
    const id = window.setTimeout(fn, ms);
    this.add(() => window.clearTimeout(id));
    return id;
  }

  /** Appends DOM nodes to a parent and removes them at the end. */
  append(parent: Node, ...nodes: Node[]): void {
    for (const node of nodes) {
      parent.appendChild(node);
      this.add(() => node.parentNode?.removeChild(node));
    }
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    while (this.stack.length > 0) {
      const next = this.stack.pop()!;
      try {
        next();
      } catch (err) {
        console.warn('Backlot: a disposer failed; the rest still run.', err);
      }
    }
  }
}
