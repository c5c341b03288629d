/**
 * Fetching the package's assets with progress. Node's `fetch` cannot read `file:` URLs, so the
 * Node entry installs a reader for them; the browser entries never import Node code.
 */
type FileReaderHook = (url: URL) => Promise<Uint8Array>;

let readFileUrl: FileReaderHook | null = null;

/** Used by the Node entry to read `file:` URLs. */
export function setFileUrlReader(reader: FileReaderHook): void {
  readFileUrl = reader;
}

/** The server answered, but not with the file: an HTTP error status. */
export class HttpStatusError extends Error {}

/** Bytes at `url`; throws a plain Error that says what went wrong (the caller adds the code). */
export async function fetchBytes(
  url: string,
  options: { signal?: AbortSignal | undefined; onChunk?: ((bytes: number) => void) | undefined } = {},
): Promise<Uint8Array> {
  const parsed = new URL(url);
  if (parsed.protocol === 'file:' && readFileUrl) {
    const bytes = await readFileUrl(parsed);
    options.onChunk?.(bytes.byteLength);
    return bytes;
  }
  const response = await fetch(url, { signal: options.signal ?? null });
  if (!response.ok) throw new HttpStatusError(`HTTP ${response.status} ${response.statusText}`.trim());
  if (!response.body || !options.onChunk) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    options.onChunk(value.byteLength);
  }
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return joined;
}
