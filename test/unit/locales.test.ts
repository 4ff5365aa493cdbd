import { resolve } from 'node:path';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = resolve(import.meta.dirname, '../../locales');

async function load(locale: string): Promise<Map<string, ParsedMessage>> {
  const messages = await parseMessagesFile(resolve(LOCALES_DIR, `${locale}.yml`));
  return new Map(messages.map((message) => [message.key.join('.'), message]));
}

function texts(message: ParsedMessage): string[] {
  if (message.type === 'plural') return Object.values(message.plurals);
  return [message.message];
}

/** The $1..$9 placeholders a message uses, as a sorted set. */
function placeholders(message: ParsedMessage): string[] {
  const found = new Set(texts(message).flatMap((text) => text.match(/\$\d/g) ?? []));
  return [...found].sort();
}

describe('locales', async () => {
  const en = await load('en');
  const ko = await load('ko');

  it('has messages', () => {
    expect(en.size).toBeGreaterThan(10);
  });

  it('has every English key in Korean and no extra key', () => {
    expect([...ko.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it.each([...en.keys()])('%s: same placeholders in en and ko, and no empty text', (key) => {
    const english = en.get(key)!;
    const korean = ko.get(key)!;
    expect(placeholders(korean)).toEqual(placeholders(english));
    for (const text of [...texts(english), ...texts(korean)]) expect(text.trim()).not.toBe('');
  });
});

describe('history stated in the texts', async () => {
  const { BLOCKED_PORTS } = await import('@/lib/ports/blocked-history');
  const sourced = (engine: 'chromium' | 'firefox') =>
    new Set(BLOCKED_PORTS.flatMap((entry) => entry.added?.[engine] ?? []));
  const years = new Set(BLOCKED_PORTS.flatMap((entry) => entry.added?.fetch?.slice(0, 4) ?? []));
  const CHROME = sourced('chromium');
  const FIREFOX = sourced('firefox');

  it.each(['en', 'ko'])(
    '%s: every Chrome or Firefox version and every year a service text names is a sourced one (lib/ports/blocked-history.ts)',
    async (locale) => {
      const messages = await load(locale);
      const checked: string[] = [];
      for (const [key, message] of messages) {
        if (!key.startsWith('svc.')) continue;
        for (const text of texts(message)) {
          for (const [, version] of text.matchAll(/Chrome (\d+)/g)) {
            expect(CHROME, `${key}: Chrome ${version}`).toContain(Number(version));
            checked.push(key);
          }
          for (const [, version] of text.matchAll(/Firefox (\d+)/g)) {
            expect(FIREFOX, `${key}: Firefox ${version}`).toContain(Number(version));
            checked.push(key);
          }
          for (const [, year] of text.matchAll(/\b(20\d\d)/g)) {
            expect(years, `${key}: ${year}`).toContain(year);
            checked.push(key);
          }
          expect(text, key).not.toMatch(/from the start|original blocked list|처음부터 차단/);
        }
      }
      expect(checked.length).toBeGreaterThan(3);
    },
  );
});
