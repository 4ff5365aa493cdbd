/**
 * Commands that move a dev server to another port, re-allow a port in a browser, or show what listens on a
 * port. Commands are never translated; what they do is (locales: howto.*). Pure: ports in, strings out.
 */

export interface Command {
  /** Optional i18n key under howto.* describing where the command goes (a terminal, a config file...). */
  where?: 'terminal' | 'config' | 'env' | 'compose';
  text: string;
}

export interface DevServer {
  id: string;
  /** Proper noun, shown as is. */
  name: string;
  commands: (port: number, original: number) => Command[];
}

export const DEV_SERVERS: readonly DevServer[] = [
  {
    id: 'vite',
    name: 'Vite',
    commands: (p) => [
      { where: 'terminal', text: `npx vite --port ${p} --strictPort` },
      {
        where: 'config',
        text: `// vite.config.ts\nexport default defineConfig({ server: { port: ${p}, strictPort: true } });`,
      },
    ],
  },
  { id: 'next', name: 'Next.js', commands: (p) => [{ where: 'terminal', text: `npx next dev -p ${p}` }] },
  {
    id: 'webpack',
    name: 'webpack-dev-server / Create React App',
    commands: (p) => [
      { where: 'terminal', text: `npx webpack serve --port ${p}` },
      { where: 'env', text: `PORT=${p} npm start` },
    ],
  },
  {
    id: 'angular',
    name: 'Angular',
    commands: (p) => [{ where: 'terminal', text: `npx ng serve --port ${p}` }],
  },
  { id: 'astro', name: 'Astro', commands: (p) => [{ where: 'terminal', text: `npx astro dev --port ${p}` }] },
  { id: 'nuxt', name: 'Nuxt', commands: (p) => [{ where: 'terminal', text: `npx nuxi dev --port ${p}` }] },
  {
    id: 'node',
    name: 'Express / Node.js',
    commands: (p) => [
      { where: 'env', text: `PORT=${p} node server.js` },
      { where: 'config', text: `app.listen(process.env.PORT ?? ${p});` },
    ],
  },
  { id: 'flask', name: 'Flask', commands: (p) => [{ where: 'terminal', text: `flask run --port ${p}` }] },
  {
    id: 'django',
    name: 'Django',
    commands: (p) => [{ where: 'terminal', text: `python manage.py runserver ${p}` }],
  },
  { id: 'rails', name: 'Rails', commands: (p) => [{ where: 'terminal', text: `bin/rails server -p ${p}` }] },
  {
    id: 'uvicorn',
    name: 'FastAPI / uvicorn',
    commands: (p) => [{ where: 'terminal', text: `uvicorn main:app --port ${p}` }],
  },
  {
    id: 'python',
    name: 'Python http.server',
    commands: (p) => [{ where: 'terminal', text: `python3 -m http.server ${p}` }],
  },
  {
    id: 'php',
    name: 'PHP built-in server',
    commands: (p) => [{ where: 'terminal', text: `php -S localhost:${p}` }],
  },
  {
    id: 'docker',
    name: 'docker run -p',
    // Only the published host port has to change; the app inside the container keeps its own.
    commands: (p, original) => [{ where: 'terminal', text: `docker run -p ${p}:${original} IMAGE` }],
  },
  {
    id: 'compose',
    name: 'docker compose',
    commands: (p, original) => [
      { where: 'compose', text: `services:\n  app:\n    ports:\n      - "${p}:${original}"` },
    ],
  },
];

export type Os = 'windows' | 'mac' | 'linux';

/** Chrome, Edge and Brave all read --explicitly-allowed-ports (desktop only; a list, no ranges). */
export function chromiumOverride(os: Os, ports: readonly number[]): Command[] {
  const flag = `--explicitly-allowed-ports=${ports.join(',')}`;
  switch (os) {
    case 'windows':
      return [
        { text: `"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" ${flag}` },
        { text: `"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" ${flag}` },
      ];
    case 'mac':
      return [
        { text: `open -na "Google Chrome" --args ${flag}` },
        { text: `open -na "Microsoft Edge" --args ${flag}` },
        { text: `open -na "Brave Browser" --args ${flag}` },
      ];
    case 'linux':
      return [
        { text: `google-chrome ${flag}` },
        { text: `chromium ${flag}` },
        { text: `microsoft-edge ${flag}` },
        { text: `brave-browser ${flag}` },
      ];
  }
}

/** Firefox: an about:config string pref; single ports and ranges, comma-separated. */
export const FIREFOX_OVERRIDE_PREF = 'network.security.ports.banned.override';

/** Commands that show what listens on a port. */
export function listenerCommands(port: number): { os: Os | 'powershell'; text: string }[] {
  return [
    { os: 'mac', text: `lsof -nP -iTCP:${port} -sTCP:LISTEN` },
    { os: 'linux', text: `ss -ltnp 'sport = :${port}'` },
    { os: 'windows', text: `netstat -ano | findstr :${port}` },
    { os: 'powershell', text: `Get-NetTCPConnection -LocalPort ${port} -State Listen` },
  ];
}

/** The OS this browser runs on, from navigator.userAgent or userAgentData.platform. */
export function osFromPlatform(platform: string): Os {
  if (/win/i.test(platform)) return 'windows';
  if (/mac|iphone|ipad/i.test(platform)) return 'mac';
  return 'linux';
}
