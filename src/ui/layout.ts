/**
 * The phone layout is for narrow or short viewports: a phone upright or on its side. Kept in step
 * with the same @media query in hud.css (the stylesheet cannot import it).
 */
export const PHONE_QUERY = '(max-width: 700px), (max-height: 500px)';

/** The query as the page sees it now (null where matchMedia is missing: never a phone then). */
export function phoneLayout(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(PHONE_QUERY) : null;
}
