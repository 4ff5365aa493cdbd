/**
 * The primary source of every version and date in blocked.ts's `added` fields, one row per fact. Kept apart
 * from the lists so that the background and the in-page card do not ship the citations; test/unit/blocked.test.ts
 * checks that every `added` value has exactly one row here with the same value, and every row a value there.
 * Every row was last checked against its source on 2026-11-29.
 */
import type { Added } from './blocked-history.ts';

export interface AddedSource {
  ports: readonly number[];
  engine: keyof Added;
  value: number | string;
  source: string;
}

const NAT_SLIPSTREAM_2 = [69, 137, 161, 1719, 1720, 1723, 6566];
const fetchCommit = (ports: readonly number[], date: string, commit: string): AddedSource => ({
  ports,
  engine: 'fetch',
  value: date,
  source: `whatwg/fetch fetch.bs, commit ${commit} (${date})`,
});

export const ADDED_SOURCES: readonly AddedSource[] = [
  {
    ports: NAT_SLIPSTREAM_2,
    engine: 'chromium',
    value: 88,
    source:
      'Chromium "Update the restricted port list", refs/heads/master@{#832169} (crbug.com/1148309), cherry-picked ' +
      'to refs/branch-heads/4324 = M88; commit message in electron/electron#27361. The only pick to M87 (4280) was ' +
      '5060/5061 (electron/electron#26860).',
  },
  {
    ports: [...NAT_SLIPSTREAM_2, 554, 10080],
    engine: 'firefox',
    value: 85,
    source:
      'Mozilla bug 1677940, shipped in Firefox 85 (MFSA 2021-03, CVE-2021-23961); whatwg/fetch#1148, #1191.',
  },
  {
    ports: [554],
    engine: 'chromium',
    value: 90,
    source:
      'chromestatus.com/feature/5329879744643072 ("Enabled by default (Chrome 90)"); blink-dev "Intent to Ship: ' +
      'Block HTTP port 554" (2021-03-08): "Chrome briefly blocked port 554 before, but it was unblocked".',
  },
  {
    ports: [5060, 5061],
    engine: 'chromium',
    value: 87,
    source:
      'chromestatus.com/feature/5064283639513088 ("Enabled by default (Chrome 87)"); pick to branch-heads/4280 ' +
      '(M87) in electron/electron#26860.',
  },
  fetchCommit([0], '2025-08-11', '6738573'),
  fetchCommit([427, 548, 6697], '2018-05-31', '2e45674'),
  fetchCommit([5060, 5061], '2020-11-05', '124d9e8'),
  fetchCommit([...NAT_SLIPSTREAM_2, 554], '2021-03-10', '4202f5c'),
  fetchCommit([10080], '2021-04-13', 'c46ebb9'),
  fetchCommit([989, 990], '2021-06-14', 'd0bd853'),
  fetchCommit([4190, 6679], '2024-03-26', '4c3750d'),
];
