/**
 * The service worker refuses to keep a content file that does not validate (src/offline/sw.ts) and
 * tells the page, which says it in its console. Listened to from the very start of a load (before the
 * content is fetched), so the refusal of the very file that put up the error screen is heard too.
 */
export function listenForRefusals(): () => void {
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  if (!sw) return () => undefined;
  const onMessage = (event: MessageEvent): void => {
    const data = event.data as { type?: unknown; file?: unknown; reason?: unknown } | null;
    if (data?.type !== 'backlot-content-refused') return;
    console.warn(`Backlot offline: a newer ${String(data.file)} was not kept for offline use, because it does not validate: ${String(data.reason)}. The last good copy stays.`);
  };
  sw.addEventListener('message', onMessage);
  return () => sw.removeEventListener('message', onMessage);
}
