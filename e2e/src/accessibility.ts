import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.0 and 2.1 success criteria at levels A and AA, as axe-core tags them. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Impacts that fail a flow; `moderate` and `minor` are reported but do not fail it. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export type A11yViolation = {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
};

export type A11yAudit = { url: string; violations: A11yViolation[] };

const require = createRequire(import.meta.url);
let axeSource: Promise<string> | undefined;

/**
 * axe-core is evaluated through the DevTools protocol rather than added as a `<script>`: the
 * server's Content-Security-Policy (`script-src 'self'`) rightly refuses inline scripts.
 */
async function injectAxe(page: Page): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (hasAxe) return;
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await axeSource);
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now; returns every violation. */
export async function auditA11y(page: Page): Promise<A11yAudit> {
  await injectAxe(page);
  const url = page.url();
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.slice(0, 200),
        summary: n.failureSummary ?? '',
      })),
    }));
  }, WCAG_AA_TAGS);
  return { url, violations };
}

export function isFailing(violation: A11yViolation): boolean {
  return FAILING_IMPACTS.has(violation.impact);
}

/** One line per offending element: rule, impact, CSS target, what to fix. */
export function describeViolations(label: string, url: string, violations: A11yViolation[]): string {
  const lines = violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `  - ${v.rule} (${v.impact}) at ${n.target} ${n.html}: ${v.help}. ${n.summary.replace(/\s+/g, ' ').trim()} [${v.helpUrl}]`,
    ),
  );
  return `${label} (${url}): ${violations.length} rule(s) broken\n${lines.join('\n')}`;
}

/**
 * Fails with a readable list (rule, impact, target, help) when axe-core finds a serious or
 * critical WCAG 2.0/2.1 A or AA violation on the page as it is now. For a one-off check; the
 * browser steps use `createA11yWatch`, which audits every page a flow arrives at.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<A11yAudit> {
  const audit = await auditA11y(page);
  const failing = audit.violations.filter(isFailing);
  if (failing.length > 0) throw new Error(describeViolations(label, audit.url, failing));
  return audit;
}

/**
 * Waits, inside the page, until it has settled: no element is `aria-busy`, no finite animation
 * or transition runs (a fading modal would give false contrast readings), and the DOM has been
 * still for a moment. Bounded, so a page that never settles is audited as it is.
 */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.evaluate(
    ({ quietMs, capMs }) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        let lastChange = start;
        const observer = new MutationObserver(() => (lastChange = performance.now()));
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        const isBusy = () =>
          document.querySelector('[aria-busy="true"]') !== null ||
          document
            .getAnimations()
            .some((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
        const tick = () => {
          const now = performance.now();
          if ((now - lastChange >= quietMs && !isBusy()) || now - start >= capMs) {
            observer.disconnect();
            resolve();
          } else setTimeout(tick, 50);
        };
        tick();
      }),
    { quietMs: 300, capMs: 5_000 },
  );
}

/** The page left (full navigation) or closed while it was being audited: not a finding. */
function isPageGone(error: unknown, page: Page): boolean {
  return (
    page.isClosed() ||
    /Execution context was destroyed|Target page, context or browser has been closed|frame was detached/i.test(
      String(error),
    )
  );
}

/** The path a page is known by in reports: ids replaced, so one route reads as one line. */
function routeOf(url: string): string {
  return new URL(url).pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id');
}

type LabelledAudit = A11yAudit & { label: string };

/** The Page methods after which a flow stands on a new page: each is followed by an audit. */
const ARRIVALS = ['goto', 'reload', 'goBack', 'goForward', 'waitForURL'] as const;

/**
 * Audits every page a flow arrives at. A watched page is audited, once it has settled, after each
 * `goto`, `reload`, `goBack`, `goForward` and `waitForURL` (the flows wait for the URL after every
 * click that navigates), before the flow goes on: the audit never races the flow's own clicks.
 * Serious and critical findings are kept until `check` or `finish`, which throw them all, so one
 * run lists every page's problems.
 */
export function createA11yWatch(flow: string) {
  const audits: LabelledAudit[] = [];
  const errors: string[] = [];
  const visited = new Set<string>();

  const record = (label: string, audit: A11yAudit) => audits.push({ label, ...audit });

  /** Every serious or critical finding so far, each element once per route and rule. */
  const failures = () => {
    const seen = new Set<string>();
    const blocks: string[] = [...errors];
    for (const audit of audits) {
      const fresh = audit.violations.filter(isFailing).map((v) => ({
        ...v,
        nodes: v.nodes.filter((n) => {
          const key = `${routeOf(audit.url)}|${v.rule}|${n.target}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        }),
      }));
      const withNodes = fresh.filter((v) => v.nodes.length > 0);
      if (withNodes.length > 0) blocks.push(describeViolations(audit.label, audit.url, withNodes));
    }
    return blocks;
  };

  const throwFailures = () => {
    const blocks = failures();
    if (blocks.length > 0) throw new Error(`Accessibility (axe-core, WCAG 2.1 AA):\n${blocks.join('\n')}`);
  };

  return {
    audits,
    /** Routes the watched pages showed, and those never audited (redirects passed through). */
    coverage: () => {
      const audited = new Set(audits.map((a) => routeOf(a.url)));
      return { visited: [...visited], unaudited: [...visited].filter((r) => !audited.has(r)) };
    },
    /** Audits `page` each time the flow arrives somewhere with it (see above). */
    watch(page: Page) {
      let navigations = 0;
      let auditedAt = -1;
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) return;
        navigations += 1;
        if (frame.url() !== 'about:blank') visited.add(routeOf(frame.url()));
      });
      const auditHere = async () => {
        if (auditedAt === navigations) return; // still on the page audited last
        auditedAt = navigations;
        try {
          await settle(page);
          const audit = await auditA11y(page);
          record(`${flow}: ${routeOf(audit.url)}`, audit);
        } catch (error) {
          if (!isPageGone(error, page)) errors.push(`${flow}: auditing ${page.url()} failed: ${String(error)}`);
        }
      };
      for (const method of ARRIVALS) {
        const arrive = page[method].bind(page) as (...args: unknown[]) => Promise<unknown>;
        Object.assign(page, {
          [method]: async (...args: unknown[]) => {
            const result = await arrive(...args);
            await auditHere();
            return result;
          },
        });
      }
    },
    /**
     * Audits the page as it is now (an open dialog, a result shown without navigating), then
     * throws every serious or critical finding of the flow so far.
     */
    async check(page: Page, label: string) {
      await settle(page);
      record(`${flow}: ${label}`, await auditA11y(page));
      throwFailures();
    },
    /** Throws every serious or critical finding of the flow so far. */
    finish() {
      throwFailures();
    },
  };
}
