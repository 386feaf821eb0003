import type { ReadText } from '../content/load';

/** A content request that has not answered in this long is given up (and tried again). */
export const FETCH_TIMEOUT_MS = 8000;
/** Waits before each retry of a failed request: a server mid-deploy or a Wi-Fi hiccup gets time. */
const RETRY_DELAYS_MS = [500, 1500, 4000];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** fetch that gives up after `ms` (a hanging network would otherwise hold boot for ever). */
export async function fetchWithTimeout(url: string | URL, ms: number, init: RequestInit = {}): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer in ${ms / 1000} s`, 'TimeoutError')), ms);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    // The body too: a server can send headers and then stall.
    const body = await response.arrayBuffer();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads content relative to the page, so the built site works from any sub-path. A missing file is
 * null at once; a timeout, a network error or a server error (5xx) is tried again a few times with
 * growing pauses before it is reported.
 */
export const fetchText: ReadText = async (file) => {
  const url = new URL(file, document.baseURI);
  for (let attempt = 0; ; attempt++) {
    let failure: Error;
    try {
      const response = await fetchWithTimeout(url, FETCH_TIMEOUT_MS, { cache: 'no-cache' });
      if (response.status === 404) return null;
      if (response.ok) return await response.text();
      failure = new Error(`HTTP ${response.status}`);
      if (response.status < 500) throw failure; // a 403 will not change by asking again
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
      if (/^HTTP 4/.test(failure.message)) throw failure;
    }
    if (attempt >= RETRY_DELAYS_MS.length) throw failure;
    await sleep(RETRY_DELAYS_MS[attempt]!);
  }
};
