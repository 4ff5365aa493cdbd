/**
 * axe-core, run inside the real browser on what the page shows. Rules: WCAG 2.0/2.1/2.2 A and AA plus axe's
 * best practices. The overlay is checked inside its shadow root only: the page around it is the test's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}
type AxeWindow = { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } };

/** The violations axe finds, one line each ("rule (impact): help at selectors"); [] when clean. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async (tags, selector) => {
      const { axe } = window as unknown as AxeWindow;
      const context = selector ? { include: [[selector]] } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
            .map((node) => JSON.stringify(node.target))
            .join(', ')}`,
      );
    },
    TAGS,
    include,
  );
}
