/**
 * Debian's Chromium through playwright-core: one browser per spec file, a fresh context per test.
 * A missing browser fails the run with a clear message; the e2e tier never skips.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { baseUrl } from './app.ts';
import { launchChromium } from './chromium.ts';

const withoutJavaScript = new WeakMap<BrowserContext, boolean>();

/** Whether the page's context runs scripts (the no-JavaScript project turns them off). */
export function runsJavaScript(page: Page): boolean {
	return withoutJavaScript.get(page.context()) !== true;
}

export type BrowserSession = {
	/** A page in a new context (closed after the test) on the test server. */
	newPage: (options?: BrowserContextOptions) => Promise<Page>;
	/** A context that outlives single tests (closed with the browser), e.g. for the sweep. */
	newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>;
};

/** Registers the hooks of a spec file: one browser for the file, contexts per test. */
export function useBrowser(defaults: BrowserContextOptions = {}): BrowserSession {
	let browser: Browser | undefined;
	const perTest: BrowserContext[] = [];

	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterEach(async () => {
		await Promise.all(perTest.splice(0).map((context) => context.close()));
	});
	afterAll(async () => {
		await browser?.close();
	});

	const newContext = async (options: BrowserContextOptions = {}) => {
		if (!browser) throw new Error('the browser is not running (useBrowser() must be called at the top of the file)');
		const settings = { ...defaults, ...options };
		const context = await browser.newContext({
			baseURL: baseUrl(),
			locale: 'it-IT',
			timezoneId: 'Europe/Rome',
			viewport: { width: 1280, height: 900 },
			...settings
		});
		withoutJavaScript.set(context, settings.javaScriptEnabled === false);
		return context;
	};
	return {
		newContext,
		newPage: async (options) => {
			const context = await newContext(options);
			perTest.push(context);
			return context.newPage();
		}
	};
}
