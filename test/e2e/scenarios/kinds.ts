/**
 * The failure kinds from real setups, as a table: each row is what a user does (a real server, the URL typed)
 * and, per engine, the kind the browser's evidence leads to and what the explanation then shows. An engine
 * missing from a row does not show that setup's failure the same way, and its own case lives in
 * test/e2e/<engine>/kinds.test.ts. The kinds meta-test (test/unit/kinds.meta.test.ts) reads `engines` and
 * `kind` here: a kind a browser shows has a row for that browser.
 */
import type { KindId } from '../../../lib/kinds/ids.ts';
import { closedPort } from '../support/ports.ts';
import {
  POSTGRES_ERROR,
  SERVED_TEXT,
  startEverywhereServer,
  startHttpsServer,
  startIpv6OnlyServer,
  startNotHttpServer,
  startResettingServer,
} from '../support/real-servers.ts';
import type { Engine } from '../support/driver.ts';

/** A running setup: the port it holds (or, for a refusal, the port nothing listens on). */
export interface Setup {
  port: number;
  close(): Promise<void>;
}

/** A section's text checked on the explanation: the selector and what its text contains (or lacks). */
type Shown = readonly [selector: string, text: (port: number) => string];

export interface Outcome {
  kind: KindId;
  headline: (port: number) => string;
  shows?: readonly Shown[];
  lacks?: readonly Shown[];
  /** Elements that must not be there. */
  absent?: readonly string[];
  /** The fix the first screen offers, clicked: the address the tab then shows and what it shows there. */
  fix?: { testId: string; label?: string; opens: (port: number) => string; then?: Shown };
}

export interface KindScenario {
  /** What the user does, in words. */
  title: string;
  setup: () => Promise<Setup>;
  url: (port: number) => string;
  outcomes: Partial<Record<Engine, Outcome>>;
}

/** The names a scenario may type that reach this machine (a hosts-file entry, as the driver maps them). */
export const LOCAL_NAMES = ['devbox.test', 'myapp.dev'];

const nothingListening = async (): Promise<Setup> => ({ port: await closedPort(), close: async () => {} });

const onLocalhost = (port: number) => `http://localhost:${port}/`;
const servedThere = ['#app', () => SERVED_TEXT] as const;
const toLocalhost = { testId: 'use-localhost', opens: onLocalhost, then: servedThere };

export const KIND_SCENARIOS: readonly KindScenario[] = [
  {
    title: 'the blocked port 6000, typed',
    setup: nothingListening,
    url: () => 'http://localhost:6000/',
    outcomes: Object.fromEntries(
      (['chromium', 'firefox'] as const).map((engine) => [
        engine,
        {
          kind: 'blocked-port',
          headline: () => 'Your browser blocked port 6000',
          shows: [['[data-testid="service"]', () => 'X11 window system']],
        },
      ]),
    ),
  },
  {
    title: 'a port nothing listens on, as 127.0.0.1',
    setup: nothingListening,
    url: (port) => `http://127.0.0.1:${port}/`,
    outcomes: Object.fromEntries(
      (['chromium', 'firefox'] as const).map((engine) => [
        engine,
        { kind: 'connection-refused', headline: (port: number) => `Nothing is listening on port ${port}` },
      ]),
    ),
  },
  {
    title: 'https:// to a plain-HTTP server',
    setup: startEverywhereServer,
    url: (port) => `https://localhost:${port}/`,
    outcomes: Object.fromEntries(
      (['chromium', 'firefox'] as const).map((engine) => [
        engine,
        {
          kind: 'tls-to-http',
          headline: () => 'This server does not speak HTTPS',
          fix: { testId: 'use-http', label: 'Open with http://', opens: onLocalhost, then: servedThere },
        },
      ]),
    ),
  },
  {
    title: 'http:// to a real HTTPS server',
    setup: startHttpsServer,
    url: onLocalhost,
    outcomes: {
      // Chromium's ERR_EMPTY_RESPONSE: the server read a request it could not parse and closed.
      chromium: {
        kind: 'http-to-tls',
        headline: (port) => `The server on port ${port} may speak only HTTPS`,
        fix: {
          testId: 'use-https',
          opens: (port) => `https://localhost:${port}/`,
          then: ['body', () => SERVED_TEXT],
        },
      },
      // Firefox calls the same close a reset: https:// is the first thing to try.
      firefox: {
        kind: 'connection-reset',
        headline: (port) => `The server on port ${port} cut the connection`,
        shows: [['[data-testid="checklist"] li', () => 'It may be an HTTPS server']],
        fix: { testId: 'use-https', label: 'Try https://', opens: (port) => `https://localhost:${port}/` },
      },
    },
  },
  {
    title: 'a server that resets every connection',
    setup: startResettingServer,
    url: (port) => `http://127.0.0.1:${port}/`,
    outcomes: {
      // A reset in Chromium is never a TLS server (that is an empty response): no https:// guess.
      chromium: {
        kind: 'connection-reset',
        headline: (port) => `The server on port ${port} cut the connection`,
        shows: [['[data-testid="checklist"]', () => 'Docker or WSL2']],
        lacks: [['[data-testid="checklist"]', () => 'HTTPS']],
        absent: ['[data-testid="use-https"]'],
      },
      firefox: {
        kind: 'connection-reset',
        headline: (port) => `The server on port ${port} cut the connection`,
        shows: [['[data-testid="checklist"]', () => 'Docker or WSL2']],
      },
    },
  },
  {
    title: 'http://myapp.dev:P to a plain HTTP server (.dev is HSTS-preloaded)',
    setup: startEverywhereServer,
    url: (port) => `http://myapp.dev:${port}/`,
    outcomes: Object.fromEntries(
      (['chromium', 'firefox'] as const).map((engine) => [
        engine,
        {
          kind: 'forced-https',
          headline: () => 'This address opens only with https://',
          shows: [
            ['.summary', () => 'myapp.dev ends in .dev'],
            ['[data-testid="checklist"]', () => 'myapp.test'],
          ],
          fix: toLocalhost,
        },
      ]),
    ),
  },
  {
    title: 'a server on ::1 only, opened as 127.0.0.1',
    setup: startIpv6OnlyServer,
    url: (port) => `http://127.0.0.1:${port}/`,
    outcomes: Object.fromEntries(
      (['chromium', 'firefox'] as const).map((engine) => [
        engine,
        {
          kind: 'loopback-mismatch',
          headline: (port: number) => `Your server on port ${port} listens on the other loopback address`,
          shows: [
            ['.summary', (port: number) => `[::1]:${port} answers`],
            ['[data-testid="checklist"]', () => 'dns-result-order=ipv4first'],
          ],
          fix: toLocalhost,
        },
      ]),
    ),
  },
  {
    // Chromium on Linux opens 0.0.0.0 (test/e2e/chromium/kinds.test.ts says so).
    title: 'http://0.0.0.0:P with a server listening on every address',
    setup: startEverywhereServer,
    url: (port) => `http://0.0.0.0:${port}/`,
    outcomes: {
      firefox: {
        kind: 'zero-host',
        headline: () => '0.0.0.0 is where a server listens, not an address to open',
        fix: toLocalhost,
      },
    },
  },
  {
    title: 'a PostgreSQL stand-in on 5432, opened as a web page',
    setup: () => startNotHttpServer(5432, POSTGRES_ERROR),
    url: () => 'http://localhost:5432/',
    outcomes: {
      chromium: {
        kind: 'not-http',
        headline: () => 'What answers on port 5432 is not a web server',
        shows: [['.summary', () => "this is usually PostgreSQL's port"]],
      },
    },
  },
  {
    title: 'a Redis stand-in on 6379, opened as a web page (it closes without a word)',
    setup: () => startNotHttpServer(6379, null),
    url: () => 'http://localhost:6379/',
    outcomes: {
      firefox: {
        kind: 'not-http',
        headline: () => 'What answers on port 6379 is not a web server',
        shows: [['.summary', () => "this is usually Redis's port"]],
      },
    },
  },
];

/** The rows an engine runs, each with its outcome there. */
export function scenariosFor(engine: Engine): { scenario: KindScenario; outcome: Outcome }[] {
  return KIND_SCENARIOS.flatMap((scenario) => {
    const outcome = scenario.outcomes[engine];
    return outcome ? [{ scenario, outcome }] : [];
  });
}
