/** The self-hosted font family, loaded through the FontFace API for both the HUD and canvas text. */
export const FONT_FAMILY = 'Backlot Inter';
const FALLBACK = 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
export const FONT_STACK = `"${FONT_FAMILY}", ${FALLBACK}`;

/**
 * Loads the two weights from assets/fonts (relative to the page, so sub-path hosting works).
 * A font that fails to load leaves the system font in place: the tour still reads.
 */
/** A font that has not loaded in this long is given up: the tour starts in the system font. */
const FONT_TIMEOUT_MS = 6000;

export async function loadFonts(): Promise<void> {
  const faces = [
    new FontFace(FONT_FAMILY, 'url(assets/fonts/Inter-Regular.woff2)', { weight: '400' }),
    new FontFace(FONT_FAMILY, 'url(assets/fonts/Inter-Bold.woff2)', { weight: '700' }),
  ];
  await Promise.all(
    faces.map(async (face) => {
      try {
        let timer = 0;
        const late = new Promise<never>((_, reject) => {
          timer = window.setTimeout(() => reject(new Error(`no answer in ${FONT_TIMEOUT_MS / 1000} s`)), FONT_TIMEOUT_MS);
        });
        try {
          document.fonts.add(await Promise.race([face.load(), late]));
        } finally {
          window.clearTimeout(timer);
        }
      } catch (err) {
        console.warn(`Backlot: font ${face.family} ${face.weight} did not load; using the system font.`, err);
      }
    }),
  );
}
