// Serves pkg/ over HTTP on 127.0.0.1 so the playground (pkg/playground/) can load the built
// package (pkg/dist/) as plain ES modules: `npm run playground`, then open the printed URL.
// `serve({ port: 0 })` is also what the browser test uses.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Starts the server; resolves to { url, close() }. */
export function serve({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(ROOT + (path.endsWith('/') ? `${path}index.html` : path));
    // Only files under pkg/, never node_modules.
    if (!file.startsWith(ROOT) || file.includes(`${sep}node_modules${sep}`)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve({ port: Number(process.env.PORT ?? 8080) });
  console.log(`wamsg playground: ${url}playground/   (Ctrl-C to stop; run \`npm run build\` first)`);
}
