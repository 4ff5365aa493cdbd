/**
 * The dev servers the explanation has move commands for (lib/commands/dev-servers.ts), as ids alone: the
 * settings remember the user's choice (settings.devServer) without carrying every tool's commands.
 */
export const DEV_SERVER_IDS = [
  'vite',
  'next',
  'webpack',
  'angular',
  'astro',
  'nuxt',
  'node',
  'flask',
  'django',
  'rails',
  'uvicorn',
  'python',
  'php',
  'docker',
  'compose',
] as const;
export type DevServerId = (typeof DEV_SERVER_IDS)[number];

export function isDevServerId(value: unknown): value is DevServerId {
  return typeof value === 'string' && (DEV_SERVER_IDS as readonly string[]).includes(value);
}
