/**
 * Builds DOM from plain data. Content text only ever goes in through textContent or attributes,
 * never innerHTML, so nothing an author (or a URL) writes is parsed as HTML.
 */
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    // Through the CSSOM: a Content-Security-Policy without 'unsafe-inline' blocks style attributes.
    else if (name === 'style') el.style.cssText = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Replaces an element's children (strings become text nodes). */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/**
 * Fills {name} placeholders in a UI string. Only the values' own keys count: a translator's
 * "{constructor}" or "{toString}" stays as written instead of printing Object.prototype's function.
 */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : match));
}

/**
 * A UI template with its {label} put in as an element of its own (e.g. "‹ {label}" becomes the
 * mark "‹ " and a <span class="btn-label">): a phone can then show the mark and hide the words.
 */
export function templateNodes(template: string, label: string): (string | HTMLElement)[] {
  const at = template.indexOf('{label}');
  if (at < 0) return [template];
  const before = template.slice(0, at);
  const after = template.slice(at + '{label}'.length);
  return [before ? h('span', { class: 'btn-mark', 'aria-hidden': 'true' }, before) : null, h('span', { class: 'btn-label' }, label), after ? h('span', { class: 'btn-mark', 'aria-hidden': 'true' }, after) : null].filter((n): n is HTMLElement => n !== null);
}
