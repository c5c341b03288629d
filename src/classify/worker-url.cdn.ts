/**
 * The CDN bundle's variant of `worker-url.ts`: the classic script is its own worker. Run in a
 * worker, it answers the page instead of defining the element (see `cdn.ts`), and the browser
 * has it cached already, so the worker costs no download.
 */
import { workerAt } from '../worker/worker-at.js';

// Read at load time: in the classic script this becomes `document.currentScript.src`.
const SCRIPT_URL: string = import.meta.url;

/** Starts the reading worker from this very script. */
export function startPackageWorker(): Worker {
  return workerAt(SCRIPT_URL, 'classic');
}
