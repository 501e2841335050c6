// Serves the built web app (apps/web/dist) at `/`: its hashed assets with a year's cache, and
// index.html for every other page path, so /clients/42 opens the app there. Without a build, `/`
// shows the start page telling how to build it (npm start builds it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export type TWebFile = { body: Buffer; type: string; immutable: boolean };

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

/**
 * The files of the build: hashed assets are read once and kept (a name never changes its content);
 * index.html and misses are looked up again, so a rebuild while the server runs is served at once.
 */
export function webApp(dir = DEFAULT_WEB_DIR) {
  const cache = new Map<string, TWebFile>();
  const read = (relative: string): TWebFile | null => {
    const kept = cache.get(relative);
    if (kept) return kept;
    const full = path.resolve(dir, relative);
    // Nothing outside the build: a path with .. or an absolute one is simply not there.
    const inside = full.startsWith(path.resolve(dir) + path.sep);
    let file: TWebFile | null = null;
    if (inside && fs.existsSync(full) && fs.statSync(full).isFile()) {
      const type = TYPES[path.extname(full).toLowerCase()] ?? 'application/octet-stream';
      file = { body: fs.readFileSync(full), type, immutable: relative.startsWith('assets/') };
    }
    if (file?.immutable) cache.set(relative, file);
    return file;
  };
  return {
    built: () => read('index.html') !== null,
    /** The asset at a URL path, or index.html for an app route; null when there is no build. */
    file: (urlPath: string): TWebFile | null => {
      let relative: string;
      try {
        relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
      } catch {
        return null; // a malformed escape names no file of the build
      }
      if (relative && !relative.endsWith('/')) {
        const asset = read(relative);
        if (asset) return asset;
        // A missing asset is a 404, not the app: a stale tab asking for an old chunk must see it.
        if (relative.startsWith('assets/') || path.extname(relative)) return null;
      }
      return read('index.html');
    },
  };
}
