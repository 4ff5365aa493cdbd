/**
 * A real Vite dev server serving a 400-module app, the page developers reload all day (issue #14). The app is
 * written to a temporary directory: an entry that imports 20 feature modules, each importing 19 leaf modules,
 * every one a separate request as Vite serves them in development. The page marks itself ready when every
 * module has run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';

const FEATURES = 20;
const LEAVES = 19;

function writeApp(): string {
  const root = mkdtempSync(join(tmpdir(), 'port-doctor-vite-app-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><title>Dev app</title></head><body><div id="app"></div><script type="module" src="/src/main.js"></script></body></html>',
  );
  const features: string[] = [];
  for (let feature = 0; feature < FEATURES; feature++) {
    const leaves: string[] = [];
    for (let leaf = 0; leaf < LEAVES; leaf++) {
      const name = `leaf-${feature}-${leaf}`;
      writeFileSync(
        join(root, 'src', `${name}.js`),
        `export const value = ${feature * 100 + leaf};\nexport function render(list) { const item = document.createElement('li'); item.textContent = '${name} ' + value; list.append(item); }\n`,
      );
      leaves.push(name);
    }
    writeFileSync(
      join(root, 'src', `feature-${feature}.js`),
      leaves.map((name, index) => `import { render as r${index} } from './${name}.js';`).join('\n') +
        `\nexport function mount(root) { const list = document.createElement('ul'); ${leaves.map((_, index) => `r${index}(list);`).join(' ')} root.append(list); }\n`,
    );
    features.push(`feature-${feature}`);
  }
  writeFileSync(
    join(root, 'src', 'main.js'),
    features.map((name, index) => `import { mount as m${index} } from './${name}.js';`).join('\n') +
      `\nconst root = document.getElementById('app');\n${features.map((_, index) => `m${index}(root);`).join('\n')}\ndocument.body.dataset.ready = '1';\n`,
  );
  return root;
}

/** Modules the page loads: the entry, the features and their leaves (Vite's own client comes on top). */
export const DEV_APP_MODULES = 1 + FEATURES + FEATURES * LEAVES;

/** A port the OS has free now (Vite reads port 0 as "its default, 5173"). */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

export async function startDevServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server: ViteDevServer = await createServer({
    root: writeApp(),
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: await freePort(), strictPort: true },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not listen on a port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}
