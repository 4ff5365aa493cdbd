/**
 * IANA's service names for every port, decoded from the compact table that scripts/gen-iana.ts writes.
 * The table is about 170 KB: only pages that show port details load it, through loadIana().
 */

export interface IanaEntry {
  name: string;
  description: string;
}

export type IanaTable = ReadonlyMap<number, IanaEntry>;

export function decodeIana(data: string): IanaTable {
  const table = new Map<number, IanaEntry>();
  let port = 0;
  for (const line of data.split('\n')) {
    const [gap = '', name = '', description = ''] = line.split('|');
    port += parseInt(gap, 36);
    table.set(port, { name, description });
  }
  return table;
}

let loaded: Promise<IanaTable> | undefined;

/** Loads the table once per page, as its own chunk. */
export function loadIana(): Promise<IanaTable> {
  loaded ??= import('./generated/iana-data.ts').then(({ IANA_TCP }) => decodeIana(IANA_TCP));
  return loaded;
}
