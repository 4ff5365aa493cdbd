/**
 * The dev server whose move commands the blocked-port explanation shows first: the tool a scan found serving
 * this developer's most recently seen app (lib/servers/apps.ts), when it is one the commands know
 * (lib/commands/dev-servers.ts). Found, never guessed: an app only ever seen by its tab title names no tool.
 */
import type { DevServerId } from '../commands/dev-server-ids.ts';
import type { App } from './apps.ts';

/** Fingerprint ids (fingerprints.ts) to the commands that move that tool's server. */
const COMMANDS_OF: Readonly<Record<string, DevServerId>> = {
  vite: 'vite',
  sveltekit: 'vite',
  'react-router': 'vite',
  remix: 'vite',
  next: 'next',
  nuxt: 'nuxt',
  astro: 'astro',
  angular: 'angular',
  'webpack-dev-server': 'webpack',
  'create-react-app': 'webpack',
  express: 'node',
  flask: 'flask',
  django: 'django',
  uvicorn: 'uvicorn',
  'python-http-server': 'python',
  php: 'php',
};

export function projectDevServer(apps: readonly App[]): DevServerId | null {
  const named = apps
    .filter((app) => app.scan?.tool && COMMANDS_OF[app.scan.tool])
    .sort((a, b) => (b.scan?.at ?? 0) - (a.scan?.at ?? 0));
  const tool = named[0]?.scan?.tool;
  return tool ? (COMMANDS_OF[tool] ?? null) : null;
}
