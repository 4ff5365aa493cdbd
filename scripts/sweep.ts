/**
 * `npm run sweep`: asks the installed Chromium and Firefox about every port 0..65535 and prints where they
 * differ from lib/ports. Run it when a new browser version ships. Exits 1 on any difference.
 */
import { blockedList } from '../lib/ports/blocked.ts';
import { sweepPorts } from '../test/e2e/support/port-sweep.ts';

let differences = 0;
for (const engine of ['chromium', 'firefox'] as const) {
  const result = await sweepPorts(engine);
  const expected = new Set(blockedList(engine));
  const actual = new Set(result.blocked);
  const newlyBlocked = [...actual].filter((port) => !expected.has(port));
  const noLongerBlocked = [...expected].filter((port) => !actual.has(port));
  console.log(
    `${result.version}: ${actual.size} blocked ports (lib/ports says ${expected.size}), ${result.seconds.toFixed(1)} s`,
  );
  if (newlyBlocked.length)
    console.log(`  blocked by the browser, missing from lib/ports: ${newlyBlocked.join(', ')}`);
  if (noLongerBlocked.length)
    console.log(`  in lib/ports, but the browser allows them: ${noLongerBlocked.join(', ')}`);
  for (const { port, error } of result.unexplained) console.log(`  port ${port}: unexpected answer ${error}`);
  if (!newlyBlocked.length && !noLongerBlocked.length && !result.unexplained.length)
    console.log('  no difference');
  differences += newlyBlocked.length + noLongerBlocked.length + result.unexplained.length;
}
process.exit(differences === 0 ? 0 : 1);
