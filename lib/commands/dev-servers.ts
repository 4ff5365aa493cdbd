/**
 * Commands that move a dev server to another port. Flags and defaults are each tool's own, as its CLI source
 * defines them (e.g. Vite packages/vite/src/node/cli.ts, Next.js packages/next/src/bin/next.ts, Flask
 * src/flask/cli.py, Django django/core/management/commands/runserver.py). Commands are never translated.
 */
import type { DevServerId } from './dev-server-ids';
import { ANY_SHELL, POSIX, WINDOWS_SHELLS, type Command, type Shell } from './terminal';

export interface DevServer {
  id: DevServerId;
  /** Proper noun, shown as is. */
  name: string;
  commands: (port: number, original: number) => Command[];
}

/**
 * One environment variable for one command, in each shell's syntax. cmd keeps every character up to `&&` in the
 * value (`set PORT=6001 && …` sets "6001 " with a space), so the assignment is quoted
 * (https://ss64.com/nt/set.html, "Trailing spaces").
 */
export function withEnv(name: string, value: string, command: string): Command[] {
  return [
    { caption: 'env', shells: POSIX, text: `${name}=${value} ${command}` },
    { caption: 'env', shells: ['powershell'], text: `$env:${name}=${value}; ${command}` },
    { caption: 'env', shells: ['cmd'], text: `set "${name}=${value}" && ${command}` },
  ];
}

function terminal(text: string, shells: readonly Shell[] = ANY_SHELL): Command {
  return { caption: 'terminal', shells, text };
}

export const DEV_SERVERS: readonly DevServer[] = [
  {
    id: 'vite',
    name: 'Vite',
    commands: (p) => [
      terminal(`npx vite --port ${p} --strictPort`),
      {
        caption: 'config',
        text: `// vite.config.ts\nexport default defineConfig({ server: { port: ${p}, strictPort: true } });`,
      },
    ],
  },
  { id: 'next', name: 'Next.js', commands: (p) => [terminal(`npx next dev -p ${p}`)] },
  {
    id: 'webpack',
    name: 'webpack-dev-server / Create React App',
    // CRA: `parseInt(process.env.PORT, 10) || 3000` (facebook/create-react-app packages/react-scripts/scripts/start.js).
    commands: (p) => [terminal(`npx webpack serve --port ${p}`), ...withEnv('PORT', String(p), 'npm start')],
  },
  { id: 'angular', name: 'Angular', commands: (p) => [terminal(`npx ng serve --port ${p}`)] },
  { id: 'astro', name: 'Astro', commands: (p) => [terminal(`npx astro dev --port ${p}`)] },
  { id: 'nuxt', name: 'Nuxt', commands: (p) => [terminal(`npx nuxi dev --port ${p}`)] },
  {
    id: 'node',
    name: 'Express / Node.js',
    commands: (p) => [
      ...withEnv('PORT', String(p), 'node server.js'),
      { caption: 'config', text: `app.listen(process.env.PORT ?? ${p});` },
    ],
  },
  { id: 'flask', name: 'Flask', commands: (p) => [terminal(`flask run --port ${p}`)] },
  {
    id: 'django',
    name: 'Django',
    // Django's docs write `python manage.py` for macOS/Linux and `py manage.py` for Windows (docs/intro/tutorial01.txt).
    commands: (p) => [
      terminal(`python manage.py runserver ${p}`, POSIX),
      terminal(`py manage.py runserver ${p}`, WINDOWS_SHELLS),
    ],
  },
  {
    id: 'rails',
    name: 'Rails',
    // bin/rails is a Ruby script with a shebang: Windows shells run it through ruby.
    commands: (p) => [
      terminal(`bin/rails server -p ${p}`, POSIX),
      terminal(`ruby bin/rails server -p ${p}`, WINDOWS_SHELLS),
    ],
  },
  { id: 'uvicorn', name: 'FastAPI / uvicorn', commands: (p) => [terminal(`uvicorn main:app --port ${p}`)] },
  {
    id: 'python',
    name: 'Python http.server',
    // macOS and Debian/Ubuntu ship `python3` only; on Windows the python.org install's launcher is `py`.
    commands: (p) => [
      terminal(`python3 -m http.server ${p}`, POSIX),
      terminal(`py -m http.server ${p}`, WINDOWS_SHELLS),
    ],
  },
  { id: 'php', name: 'PHP built-in server', commands: (p) => [terminal(`php -S localhost:${p}`)] },
  {
    id: 'docker',
    name: 'docker run -p',
    // Only the published host port has to change; the app inside the container keeps its own.
    commands: (p, original) => [terminal(`docker run -p ${p}:${original} IMAGE`)],
  },
  {
    id: 'compose',
    name: 'docker compose',
    commands: (p, original) => [
      { caption: 'compose', text: `services:\n  app:\n    ports:\n      - "${p}:${original}"` },
    ],
  },
];
