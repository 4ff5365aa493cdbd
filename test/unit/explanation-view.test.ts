import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BrowserEngine } from '@/lib/core/engine';
import { loadExplainer } from '@/lib/kinds/explainers';
import type { KindExplainer } from '@/lib/kinds/types';
import { diagnose, type Diagnosis } from '@/lib/view/diagnose';
import { explanationView, PRODUCT_TITLE, type ExplanationInput } from '@/lib/view/explanation';

const SHOW = { showOverrides: true };

// WXT's fake browser has no i18n: each message reads as its key and its arguments.
beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, args?: string | (string | number)[]) => `${key}(${[args ?? []].flat().join(', ')})`,
  );
});

function diagnosed(url: string, code: string, engine: BrowserEngine = 'chromium'): Diagnosis {
  const diagnosis = diagnose(url, code, engine);
  if (!diagnosis) throw new Error(`no diagnosis for ${url} ${code}`);
  return diagnosis;
}

/** The view with the diagnosis's own kind's explainer, loaded as the page loads it. */
async function view(diagnosis: Diagnosis, input: Omit<ExplanationInput, 'diagnosis' | 'explainer'> = {}) {
  const explainer = await loadExplainer(input.refined?.kind ?? diagnosis.kind);
  return explanationView({ diagnosis, explainer, ...input });
}

const testIds = (actions: { testId: string }[]) => actions.map((action) => action.testId);

describe('explanationView: the first screen', () => {
  it('says there is nothing to explain without a diagnosis', () => {
    const { top, sections, diagnosis } = explanationView({ diagnosis: null, settings: SHOW });
    expect(diagnosis).toBeNull();
    expect(top).toMatchObject({ title: PRODUCT_TITLE, actions: [] });
    expect(top.failure).toBeUndefined();
    expect(top.headline).not.toBe('');
    expect(sections).toEqual([]);
  });

  it("shows the headline and the failed address before the kind's explainer loads", () => {
    const diagnosis = diagnosed('http://localhost:6000/', 'net::ERR_UNSAFE_PORT');
    const { top, sections } = explanationView({ diagnosis, settings: SHOW });
    expect(top).toMatchObject({
      title: PRODUCT_TITLE,
      summary: '',
      actions: [],
      failure: { url: 'http://localhost:6000/', code: 'net::ERR_UNSAFE_PORT' },
    });
    expect(top.headline).toContain('6000');
    expect(sections).toEqual([]);
  });

  it('names the first suggested port until the move section recommends one of them', async () => {
    const diagnosis = diagnosed('http://localhost:6000/', 'net::ERR_UNSAFE_PORT');
    const [first, second] = diagnosis.facts.alternatives.map((alternative) => alternative.port);
    const { top } = await view(diagnosis);
    expect(top.title).toMatch(/6000.* — Port Doctor$/);
    expect(top.summary).not.toBe('');
    expect(top.actions).toEqual([
      expect.objectContaining({
        testId: 'use-port',
        jump: 'move',
        primary: true,
        label: expect.stringContaining(String(first)),
      }),
    ]);
    const chosen = (await view(diagnosis, { chosenPort: second })).top.actions[0];
    expect(chosen?.label).toContain(String(second));
    // A port that is not among this diagnosis's suggestions (one chosen for an earlier one) is not named.
    expect((await view(diagnosis, { chosenPort: 1 })).top.actions[0]?.label).toContain(String(first));
  });

  it('offers Retry where the kind says it can help, for an http(s) address only', async () => {
    expect(
      testIds((await view(diagnosed('http://localhost:3000/', 'net::ERR_CONNECTION_REFUSED'))).top.actions),
    ).toEqual(['retry']);
    expect(
      testIds((await view(diagnosed('ws://localhost:3000/', 'net::ERR_CONNECTION_REFUSED'))).top.actions),
    ).toEqual([]);
    expect(
      testIds((await view(diagnosed('http://localhost:3000/', 'net::ERR_EMPTY_RESPONSE'))).top.actions),
    ).not.toContain('retry');
  });

  it('shows the refined kind: its words, its fix and the host that answered', async () => {
    const diagnosis = diagnosed('http://127.0.0.1:3000/', 'net::ERR_CONNECTION_REFUSED');
    const refined = { kind: 'loopback-mismatch' as const, answeredBy: '[::1]' };
    const shown = await view(diagnosis, { refined, settings: SHOW });
    expect(shown.diagnosis).toMatchObject({ kind: 'loopback-mismatch', answeredBy: '[::1]', port: 3000 });
    expect(shown.top.summary).toContain('[::1]:3000');
    expect(testIds(shown.top.actions)).toEqual(['use-localhost', 'retry']);
    expect(shown.sections).toEqual(['checklist']);
    expect(shown.checklist).toHaveLength(4);
    // Without a refinement, the diagnosis as it came.
    expect((await view(diagnosis, { refined: null })).diagnosis).toBe(diagnosis);
  });
});

describe('explanationView: the sections that show', () => {
  it.each([
    // A blocked port: every section of the kind, the deeper checks only where the browser has them.
    [
      'http://localhost:6000/',
      'net::ERR_UNSAFE_PORT',
      'chromium',
      ['move', 'service', 'engines', 'deeper-checks', 'override'],
    ],
    [
      'http://localhost:6000/',
      'NS_ERROR_PORT_ACCESS_NOT_ALLOWED',
      'firefox',
      ['move', 'service', 'engines', 'override'],
    ],
    // AirPlay's port: a port to move to, and the likely causes.
    ['http://localhost:5000/', 'HTTP 403 from AirTunes', 'chromium', ['checklist', 'move']],
    // Nothing listens: a neighbour looked for on this machine, or on a LAN host once the user asks.
    ['http://localhost:3000/', 'net::ERR_CONNECTION_REFUSED', 'chromium', ['nearby', 'listeners']],
    ['http://192.168.1.20:3000/', 'net::ERR_CONNECTION_REFUSED', 'chromium', ['nearby', 'listeners']],
    ['http://localhost:3000/', 'net::ERR_CONNECTION_RESET', 'chromium', ['checklist', 'listeners']],
    // A kind with nothing below its first screen.
    ['http://localhost:3000/', 'net::ERR_EMPTY_RESPONSE', 'chromium', []],
  ] as const)('%s %s in %s', async (url, code, engine, expected) => {
    expect((await view(diagnosed(url, code, engine), { settings: SHOW })).sections).toEqual(expected);
  });

  it('waits for the settings, and shows the overrides only if the user wants them', async () => {
    const diagnosis = diagnosed('http://localhost:6000/', 'net::ERR_UNSAFE_PORT');
    const before = await view(diagnosis);
    expect(before.sections).toEqual([]);
    expect(testIds(before.top.actions)).toEqual(['use-port']);
    expect((await view(diagnosis, { settings: { showOverrides: false } })).sections).not.toContain(
      'override',
    );
  });

  it('leaves out a section with nothing to show', async () => {
    const diagnosis = diagnosed('http://localhost:6000/', 'net::ERR_UNSAFE_PORT');
    const every: KindExplainer = {
      ...(await loadExplainer('blocked-port')),
      checklist: () => [],
      sections: ['service', 'engines', 'move', 'nearby', 'listeners', 'checklist'],
    };
    const shows = (changed: Partial<Diagnosis>) =>
      explanationView({ diagnosis: { ...diagnosis, ...changed }, explainer: every, settings: SHOW }).sections;
    expect(shows({})).toEqual(['service', 'engines', 'move', 'nearby', 'listeners']);
    // No service on the port, no engine refusing it, no port to move to, a host that is not local.
    expect(
      shows({
        facts: { ...diagnosis.facts, serviceKey: undefined, alternatives: [] },
        blockedBy: [],
        local: false,
      }),
    ).toEqual(['listeners']);
  });
});
