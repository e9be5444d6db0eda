/**
 * What a family sees and does on the portal, in one place, so that the journeys with and without
 * JavaScript share their steps (and a change of markup is fixed once).
 */
import { expect } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';
import { appUrl } from './app.ts';
import { runsJavaScript } from './browser.ts';

/**
 * Opens a path and checks the HTTP status of the document. With JavaScript it also waits for the
 * network to settle, i.e. for hydration: a value typed before it can be reset by it.
 */
export async function open(page: Page, path: string, status = 200): Promise<Response> {
	const response = await page.goto(path, { waitUntil: runsJavaScript(page) ? 'networkidle' : 'load' });
	expect(response, `no response for ${path}`).not.toBeNull();
	expect(response!.status(), `GET ${path}`).toBe(status);
	return response!;
}

/**
 * Runs an action that navigates (a link, a form submission: a full page load without
 * JavaScript, a client-side navigation with it) and waits until the URL matches.
 */
export async function navigate(page: Page, action: () => Promise<unknown>, url: RegExp | ((url: URL) => boolean)) {
	await Promise.all([page.waitForURL(url, { timeout: 20_000 }), action()]);
	await page.waitForLoadState(runsJavaScript(page) ? 'networkidle' : 'load');
}

export function main(page: Page): Locator {
	return page.locator('main');
}

/** The search form of the page body (the header has its own). */
export function mainSearchForm(page: Page): Locator {
	return main(page).locator('form[action="/cerca"]').first();
}

/** Types a query in a search form and submits it; resolves on the results page. */
export async function submitSearch(page: Page, form: Locator, text: string): Promise<void> {
	const field = form.locator('input[name="q"]');
	await field.fill(text);
	await navigate(page, () => form.locator('button[type="submit"], input[type="submit"]').first().click(), (url) => {
		return url.pathname === '/cerca' && url.searchParams.get('q') === text;
	});
}

/** The service names of a result list, as links to their pages. */
export function resultLinks(page: Page): Locator {
	return main(page).locator('article.service-card .card-title a');
}

export async function resultHrefs(page: Page): Promise<string[]> {
	return resultLinks(page).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
}

/** The number in "23 servizi trovati per «casa»" (0 for "Nessun servizio trovato"). */
export async function resultCount(page: Page): Promise<number> {
	const counter = main(page).locator('#search-count');
	const text = ((await counter.count()) > 0 ? await counter.innerText() : await main(page).innerText()).replace(/\s+/g, ' ');
	const found = /(\d[\d.,]*)\s+(?:serviz[io]\b[^.]*?\btrovat|services?\b[^.]*?\bfound)/i.exec(text);
	if (found) return Number(found[1]!.replace(/[.,]/g, ''));
	if (/nessun servizio|no services? found/i.test(text)) return 0;
	throw new Error(`no result count on ${page.url()}: ${text.slice(0, 400)}`);
}

const APPLY = /applica filtri|apply filters/i;

/** The filter form of /cerca (the one with "Applica filtri"), unfolded when it sits in a <details>. */
export async function filterForm(page: Page): Promise<Locator> {
	// CSS, not roles: without JavaScript the form starts folded, and folded content has no roles
	const form = main(page)
		.locator('form')
		.filter({ has: page.locator('button[type="submit"]', { hasText: APPLY }) });
	await expect.poll(() => form.count(), { message: `no filter form on ${page.url()}` }).toBe(1);
	// on small screens, and always without JavaScript, the filters start folded ("Filtra i risultati")
	const folded = form.locator('xpath=ancestor::details[not(@open)]');
	if ((await folded.count()) > 0) await folded.first().locator('summary').first().click();
	return form;
}

/**
 * Changes the filter form and applies it: with JavaScript the page may submit by itself on
 * change; otherwise (and as a fallback) the "Applica filtri" button submits it.
 */
export async function applyFilters(page: Page, change: (form: Locator) => Promise<void>, expected: (url: URL) => boolean) {
	const form = await filterForm(page);
	await change(form);
	let applied = false;
	if (runsJavaScript(page)) {
		applied = await page.waitForURL(expected, { timeout: 1500 }).then(
			() => true,
			() => false
		);
	}
	if (!applied) {
		await navigate(page, () => form.locator('button[type="submit"]', { hasText: APPLY }).click(), expected);
	}
	await page.waitForLoadState(runsJavaScript(page) ? 'networkidle' : 'load');
}

/** Fetches a page's HTML outside the browser (for checking many result pages quickly). */
export async function fetchHtml(path: string): Promise<string> {
	const response = await fetch(appUrl(path));
	expect(response.status, `GET ${path}`).toBe(200);
	return response.text();
}

/** Whether a page's main content (not its header or footer) links to an area or its sub-categories. */
export function linksToArea(html: string, areaId: string): boolean {
	const start = html.indexOf('<main');
	const content = start >= 0 ? html.slice(start, html.indexOf('</main>', start)) : html;
	return new RegExp(`href="/aree/${areaId}(?:[?#"/])`).test(content);
}

/** The visible text of the service page's main content. */
export async function mainText(page: Page): Promise<string> {
	return (await main(page).innerText()).replace(/\s+/g, ' ');
}
