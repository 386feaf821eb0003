/** The self-hosted font family, loaded through the FontFace API for both the HUD and canvas text. */
export const FONT_FAMILY = 'Backlot Inter';
const FALLBACK = 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
export const FONT_STACK = `"${FONT_FAMILY}", ${FALLBACK}`;

/**
 * Loads the two weights from assets/fonts (relative to the page, so sub-path hosting works).
 * A font that fails to load leaves the system font in place: the tour still reads.
 */
export async function loadFonts(): Promise<void> {
  const faces = [
    new FontFace(FONT_FAMILY, 'url(assets/fonts/Inter-Regular.otf)', { weight: '400' }),
    new FontFace(FONT_FAMILY, 'url(assets/fonts/Inter-Bold.otf)', { weight: '700' }),
  ];
  await Promise.all(
    faces.map(async (face) => {
      try {
        document.fonts.add(await face.load());
      } catch (err) {
        console.warn(`Backlot: font ${face.family} ${face.weight} did not load; using the system font.`, err);
      }
    }),
  );
}
