/**
 * A scenario is one user action and what it must lead to, written once against the BrowserDriver and tagged
 * with the engines that run it; a suite is the scenarios that share one start (a browser, the servers). An
 * area's suites are declared for one engine by its entry file, test/e2e/<engine>/<area>.test.ts, so that a
 * case both engines have is one function, and cannot drift into two.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Engine } from '../support/driver.ts';

export interface Scenario<C> {
  title: string;
  /** The engines that run it. One engine alone is a row of a table whose other rows both run. */
  engines: readonly Engine[];
  /** Longer than the e2e project's 60 s, where a scenario says why. */
  timeout?: number;
  run(context: C): Promise<void>;
}

export interface SuiteSpec<C> {
  title: string;
  /** Starts what the scenarios share, for one engine. */
  start(engine: Engine): Promise<C>;
  /** Stops it; also after a failed scenario. */
  stop(context: C): Promise<void>;
  scenarios: readonly Scenario<C>[];
}

/** A suite, its context type hidden: an area exports a list of them. */
export interface Suite {
  title: string;
  rows: readonly { title: string; engines: readonly Engine[] }[];
  declare(engine: Engine): void;
}

export function suite<C>(spec: SuiteSpec<C>): Suite {
  return {
    title: spec.title,
    rows: spec.scenarios.map(({ title, engines }) => ({ title, engines })),
    declare(engine) {
      const scenarios = spec.scenarios.filter((scenario) => scenario.engines.includes(engine));
      if (scenarios.length === 0) return;
      describe(`${engine}: ${spec.title}`, () => {
        let context: C | undefined;

        beforeAll(async () => {
          context = await spec.start(engine);
        });

        afterAll(async () => {
          if (context !== undefined) await spec.stop(context);
        });

        for (const scenario of scenarios)
          it(scenario.title, () => scenario.run(context as C), scenario.timeout);
      });
    },
  };
}

/** Declares an area's suites (a scenario module's export) for one engine: an entry file's one line. */
export function runSuites(engine: Engine, suites: readonly Suite[]): void {
  for (const each of suites) each.declare(engine);
}
