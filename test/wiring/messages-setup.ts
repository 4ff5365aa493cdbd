/**
 * WXT's fake browser has no i18n ("not implemented"); a real browser always answers. Every wiring test gets
 * messages that name their key, so that code asking for one (the background does at start) runs as it
 * would in a browser. A test that checks texts mocks its own.
 */
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
});
