/**
 * Port ranges Windows has reserved (Hyper-V, WSL2, Docker Desktop), read from what
 * `netsh interface ipv4 show excludedportrange protocol=tcp` prints. Its headings are translated but its rows are
 * not: "  <start>  <end>" with a trailing "*" for administered exclusions. Anything else is ignored, so text
 * pasted from elsewhere yields no range rather than a wrong one.
 */
export type PortRange = readonly [start: number, end: number];

/** More text than any real listing (a few hundred ranges at most) is cut, so a huge paste costs nothing. */
export const MAX_PASTE_CHARS = 20_000;

export function parseExcludedRanges(text: string): PortRange[] {
  const ranges: PortRange[] = [];
  for (const line of text.slice(0, MAX_PASTE_CHARS).split(/\r?\n/)) {
    const match = /^\s*(\d{1,5})\s+(\d{1,5})\s*\*?\s*$/.exec(line);
    if (!match) continue;
    const start = Number(match[1]);
    const end = Number(match[2]);
    if (start <= end && end <= 65535) ranges.push([start, end]);
  }
  return ranges;
}

export function isReserved(port: number, ranges: readonly PortRange[]): boolean {
  return ranges.some(([start, end]) => start <= port && port <= end);
}
