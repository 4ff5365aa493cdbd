/**
 * Firefox only: addons.mozilla.org asks for the sources of a bundled add-on, so `npm run zip` makes a sources
 * package for its reviewers alone (the Chrome Web Store asks for none).
 */
import { describe, expect, it } from 'vitest';
import { unpackedPackage } from '../support/build';

describe('Firefox: the sources package for addons.mozilla.org (npm run zip)', () => {
  it('has a sources package a reviewer can rebuild from, without built or private files', () => {
    const { files } = unpackedPackage('sources');
    for (const needed of [
      'package.json',
      'package-lock.json',
      'README.md',
      'wxt.config.ts',
      'lib/state/settings/schema.ts',
    ])
      expect(files).toContain(needed);
    expect(
      files.filter((file) => /^(node_modules|\.output|demo-screenshots|bench\/results)\//.test(file)),
    ).toEqual([]);
  });
});
