import { describe, expect, it } from 'vitest';
import { parsePortEntry, parseSinglePort, portListIncludes } from '@/lib/ports/port-list';

describe('parsePortEntry', () => {
  it.each([
    ['6000', '6000', 6000, 6000],
    [' 6000 ', '6000', 6000, 6000],
    ['6665-6669', '6665-6669', 6665, 6669],
    ['6665 - 6669', '6665-6669', 6665, 6669],
    ['6665–6669', '6665-6669', 6665, 6669],
    ['1', '1', 1, 1],
    ['65535', '65535', 65535, 65535],
    ['1-65535', '1-65535', 1, 65535],
    ['6000-6000', '6000', 6000, 6000],
    ['06000', '6000', 6000, 6000],
  ])('%j -> %s', (input, entry, from, to) => {
    expect(parsePortEntry(input)).toEqual({ ok: true, entry, range: { from, to } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x', 'not-a-port'],
    ['60 00', 'not-a-port'],
    ['6000-', 'not-a-port'],
    ['-6000', 'not-a-port'],
    ['1-2-3', 'not-a-port'],
    ['6000.5', 'not-a-port'],
    ['123456', 'not-a-port'],
    ['0', 'out-of-range'],
    ['65536', 'out-of-range'],
    ['0-10', 'out-of-range'],
    ['6669-6665', 'reversed'],
    ['<script>', 'not-a-port'],
  ])('%j is refused: %s', (input, error) => {
    expect(parsePortEntry(input)).toEqual({ ok: false, error });
  });
});

describe('parseSinglePort', () => {
  it('takes a port and refuses a range', () => {
    expect(parseSinglePort('8787')).toMatchObject({ ok: true, entry: '8787' });
    expect(parseSinglePort('8787-8788')).toEqual({ ok: false, error: 'not-a-port' });
  });
});

describe('portListIncludes', () => {
  const list = ['6000', '6665-6669', 'junk'];
  it.each([
    [6000, true],
    [6665, true],
    [6667, true],
    [6669, true],
    [6664, false],
    [6001, false],
  ])('%i -> %s', (port, included) => {
    expect(portListIncludes(list, port)).toBe(included);
  });
});
