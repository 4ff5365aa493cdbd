/**
 * `npm run record:servers`: starts every real dev server the e2e tests start (test/e2e/support/dev-servers.ts)
 * and records what Port Doctor's scan sees of each (lib/servers/scan.ts): the status, the headers and the first
 * 16 KB of `/` (a redirect as the browser shows it to an extension page: status 0, nothing readable), and the
 * bodies of the paths that confirm a tool. Writes test/dev-servers/recorded.json with each tool's version: the
 * unit test test/unit/recorded-servers.test.ts names every tool from these real answers. Run it again when a
 * tool's version changes (test/dev-servers/package.json, Debian's packages).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TOOLS } from '../lib/servers/fingerprints.ts';
import { BODY_BYTES } from '../lib/servers/scan.ts';
import { devServersInstalled, REAL_SERVERS } from '../test/e2e/support/dev-servers.ts';

const ROOT = resolve(import.meta.dirname, '../test/dev-servers');
const CONFIRM_PATHS = [...new Set(TOOLS.flatMap((tool) => (tool.confirm ? [tool.confirm.path] : [])))];

interface Seen {
  status: number;
  redirected: boolean;
  headers: Record<string, string>;
  body: string;
}

async function observe(url: string): Promise<Seen> {
  const response = await fetch(url, { redirect: 'manual' });
  if (response.status >= 300 && response.status < 400)
    return { status: 0, redirected: true, headers: {}, body: '' };
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    // What varies from run to run is not evidence, and would make every recording a diff.
    if (!['date', 'etag', 'last-modified', 'content-length', 'keep-alive', 'connection'].includes(name))
      headers[name] = value;
  });
  const bytes = new Uint8Array(await response.arrayBuffer()).subarray(0, BODY_BYTES);
  return { status: response.status, redirected: false, headers, body: new TextDecoder().decode(bytes) };
}

const npmVersion = (name: string) =>
  (
    JSON.parse(readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
const debVersion = (name: string) =>
  execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).trim();

devServersInstalled();
const servers = [];
for (const server of REAL_SERVERS) {
  const tool = await server.start();
  try {
    const root = await observe(`${tool.origin}/`);
    const paths: Record<string, Seen> = {};
    for (const path of CONFIRM_PATHS) paths[path] = await observe(`${tool.origin}${path}`);
    // Paths and temporary folders differ from run to run: the recorded answer says <project>.
    const scrub = (text: string) => text.replaceAll(/\/[\w/.-]*\/\.runs\/[\w-]+\//g, '<project>/');
    root.body = scrub(root.body);
    for (const seen of Object.values(paths)) seen.body = scrub(seen.body);
    servers.push({ id: server.id, tool: server.tool, title: server.title, root, paths });
    console.log(`${server.tool}: ${root.status}${root.redirected ? ' (redirect)' : ''}`);
  } finally {
    await tool.stop();
  }
}
const versions = {
  vite: npmVersion('../../../node_modules/vite'),
  next: npmVersion('next'),
  astro: npmVersion('astro'),
  'webpack-dev-server': npmVersion('webpack-dev-server'),
  express: npmVersion('express'),
  serve: npmVersion('serve'),
  python3: execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim(),
  django: debVersion('python3-django'),
  flask: debVersion('python3-flask'),
  notebook: debVersion('python3-notebook'),
};
writeFileSync(resolve(ROOT, 'recorded.json'), `${JSON.stringify({ versions, servers }, null, 2)}\n`);
console.log(`test/dev-servers/recorded.json: ${servers.length} servers`);
