/** The files the CLI reads: named files as they are, folders searched for images, in order. */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** The extensions a folder is searched for (named files are read whatever their name). */
export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.avif', '.tif', '.tiff', '.gif']);

async function imagesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await imagesIn(path)));
    else if (entry.isFile() && IMAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(path);
  }
  return found;
}

/**
 * Every file to read, in the order given (a folder's images sorted by path). A path that does
 * not exist stays in the list: reading it fails, and it is reported like any unreadable file.
 */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) files.push(...(await imagesIn(path)));
    else files.push(path);
  }
  return files;
}
