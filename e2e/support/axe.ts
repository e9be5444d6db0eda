/** Accessibility checks with axe-core: WCAG 2.0/2.1/2.2 A and AA. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { runsJavaScript } from './browser.ts';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function findAxeViolations(page: Page): Promise<Result[]> {
	// Legacy mode runs axe in the page in one call: the portal has no iframes, and it spares the
	// extra blank page the default mode opens for every analysis (it matters over ~1,500 pages).
	const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
	return results.violations;
}

export function formatViolations(url: string, violations: Result[]): string {
	const lines = [`${violations.length} axe violation(s) on ${url}:`];
	for (const violation of violations) {
		lines.push(`- ${violation.id} [${violation.impact ?? 'n/a'}] ${violation.help} (${violation.helpUrl})`);
		for (const node of violation.nodes.slice(0, 3)) {
			lines.push(`    at ${node.target.join(' ')}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
		}
		if (violation.nodes.length > 3) lines.push(`    … and ${violation.nodes.length - 3} more`);
	}
	return lines.join('\n');
}

/**
 * axe-core needs the page's timers, which Chromium stops when scripts are disabled: a page of
 * the no-JavaScript project is analysed as a copy loaded with scripts on but the app's own
 * scripts blocked, so it stays exactly as the server rendered it (same URL, cookies, viewport).
 */
async function findAxeViolationsAsServed(page: Page): Promise<Result[]> {
	const browser = page.context().browser();
	if (!browser) throw new Error('no browser behind this page');
	const context = await browser.newContext({ viewport: page.viewportSize(), locale: 'it-IT', timezoneId: 'Europe/Rome' });
	try {
		await context.addCookies(await page.context().cookies());
		await context.route(/\.m?js(\?|$)/, (route) => route.abort());
		const copy = await context.newPage();
		await copy.goto(page.url(), { waitUntil: 'load' });
		return await findAxeViolations(copy);
	} finally {
		await context.close();
	}
}

/** Fails with every violation's id, impact, help and first targets. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const violations = runsJavaScript(page) ? await findAxeViolations(page) : await findAxeViolationsAsServed(page);
	if (violations.length > 0) {
		const report = formatViolations(page.url(), violations);
		console.error(report);
		throw new Error(report);
	}
}
