/**
 * The words Port Doctor keeps apart, in both locales:
 * - blocked/차단 is the browser's port block (ERR_UNSAFE_PORT); refused/거부 is only a refused connection
 *   (ERR_CONNECTION_REFUSED). A developer reads "refused" as "nothing is listening": the opposite diagnosis.
 * - Korean: no particle that depends on a placeholder's last sound ("$1이", "$2가": PostgreSQL가), no "LISTEN"
 *   as a word, ports as "N번 포트", ranges in prose as 6665~6669.
 */
import { resolve } from 'node:path';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

async function messages(locale: string): Promise<[string, string][]> {
  const parsed: ParsedMessage[] = await parseMessagesFile(resolve(ROOT, `locales/${locale}.yml`));
  return parsed.map((message) => [
    message.key.join('.'),
    message.type === 'plural' ? Object.values(message.plurals).join(' ') : message.message,
  ]);
}

/** Sentences (and clauses after a colon or semicolon): a word and its context are judged together. */
const sentences = (text: string) => text.split(/(?<=[.;:!?。])\s+/);

/** Messages about the port block only: they must never say refused/거부. */
const ABOUT_THE_BLOCK =
  /^(kind\.blockedPort\.|svc\.|explain\.(whyTitle|blockedByTitle|override|notBlockedBy))/;
/** Messages about a refused connection only: they must never say blocked/차단. */
const ABOUT_REFUSAL = /^kind\.connectionRefused\./;

/**
 * A particle whose form depends on the last sound of the word before it (이/가, 을/를, 은/는, 과/와, 으로/로,
 * 이나/나, 이랑/랑, 이라/라, 이야/야, 이여/여), right after a placeholder or its closing quote. A placeholder in
 * parentheses is a gloss: the particle after it agrees with the word before the parenthesis.
 */
const PARTICLE_AFTER_PLACEHOLDER = /(?<!\()\$\d+['"’”\]]?[이가을를은는과와로으나랑라야여]/;

/** Input examples the parsers accept as written (an ASCII hyphen), not prose. */
const INPUT_EXAMPLES = /^(explain\.overrideFirefox|options\.unblockedPorts(Hint|Invalid|Placeholder))$/;

describe('the glossary, checked over both locale files', async () => {
  const en = await messages('en');
  const ko = await messages('ko');

  it.each([
    ['en', en],
    ['ko', ko],
  ] as const)('%s: has messages to check', (_, list) => {
    expect(list.length).toBeGreaterThan(400);
  });

  it('en: "refused" only for a refused connection', () => {
    const wrong = en.flatMap(([key, text]) =>
      sentences(text)
        .filter((sentence) => /refus/i.test(sentence))
        .filter((sentence) => ABOUT_THE_BLOCK.test(key) || !/connect/i.test(sentence))
        .map((sentence) => `${key}: ${sentence}`),
    );
    expect(wrong).toEqual([]);
  });

  it('en: "blocked" never for a refused connection', () => {
    const wrong = en.flatMap(([key, text]) =>
      sentences(text)
        .filter((sentence) => /\bblock/i.test(sentence))
        .filter(
          (sentence) =>
            ABOUT_REFUSAL.test(key) ||
            /connection (was |is )?blocked|block\w* (the |a )?connection/i.test(sentence),
        )
        .map((sentence) => `${key}: ${sentence}`),
    );
    expect(wrong).toEqual([]);
  });

  it('ko: 거부 only for a refused connection (연결)', () => {
    const wrong = ko.flatMap(([key, text]) =>
      sentences(text)
        .filter((sentence) => sentence.includes('거부'))
        .filter((sentence) => ABOUT_THE_BLOCK.test(key) || !sentence.includes('연결'))
        .map((sentence) => `${key}: ${sentence}`),
    );
    expect(wrong).toEqual([]);
  });

  it('ko: 차단 never for a refused connection', () => {
    const wrong = ko.flatMap(([key, text]) =>
      sentences(text)
        .filter((sentence) => sentence.includes('차단'))
        .filter((sentence) => ABOUT_REFUSAL.test(key) || /연결[이을]? ?차단|차단된 연결/.test(sentence))
        .map((sentence) => `${key}: ${sentence}`),
    );
    expect(wrong).toEqual([]);
  });

  it('ko: no particle after a placeholder that depends on what the placeholder holds', () => {
    const wrong = ko
      .filter(([, text]) => PARTICLE_AFTER_PLACEHOLDER.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(wrong).toEqual([]);
  });

  it('ko: ports as "N번 포트", never "포트 N"; no LISTEN as a word; ranges in prose with ~', () => {
    const wrong = ko
      .filter(
        ([key, text]) =>
          /포트 \d/.test(text) ||
          /LISTEN/.test(text) ||
          (!INPUT_EXAMPLES.test(key) && /\d-\d/.test(text.replace(/[\w.:/-]*\/[\w.:/-]*/g, ''))),
      )
      .map(([key, text]) => `${key}: ${text}`);
    expect(wrong).toEqual([]);
  });

  // The checks themselves: each catches the mistake the review found.
  it.each([
    [PARTICLE_AFTER_PLACEHOLDER, '이 포트는 보통 $2가 사용합니다', true],
    [PARTICLE_AFTER_PLACEHOLDER, 'Port Doctor $1이(가) 실행 중', true],
    [PARTICLE_AFTER_PLACEHOLDER, '"$1"을(를) 넣으면', true],
    [PARTICLE_AFTER_PLACEHOLDER, '최상위 도메인($2)은', false],
    [PARTICLE_AFTER_PLACEHOLDER, '$1번 포트에서', false],
    [PARTICLE_AFTER_PLACEHOLDER, '$1의 $2번 포트', false],
  ] as const)('%s on "%s": %s', (pattern, text, caught) => {
    expect(pattern.test(text)).toBe(caught);
  });
});
