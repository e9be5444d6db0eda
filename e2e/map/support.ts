/** What the map specs share: a page with tiles blocked (the e2e tier has no internet), and the map's markup. */
import { expect } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { baseUrl } from '../support/app.ts';
import type { BrowserSession } from '../support/browser.ts';
import { applyFilters, filterForm } from '../support/portal.ts';

/**
 * A page whose requests to any other origin than the app (the tile server) are aborted at once,
 * as an offline visitor's would fail; returns the URLs it blocked.
 */
export async function offlinePage(session: BrowserSession, options: BrowserContextOptions = {}) {
	const page = await session.newPage(options);
	const blocked: string[] = [];
	const origin = new URL(baseUrl()).origin;
	await page.route(
		(url) => url.origin !== origin,
		(route) => {
			blocked.push(route.request().url());
			return route.abort();
		}
	);
	return { page, blocked };
}

/** The map's markers (single places and clusters), once /api/map has answered. */
export const markers = (page: Page) => page.locator('.map-canvas .leaflet-marker-icon');

/** Waits until the map shows the municipi and at least one marker, and the status line has its count. */
export async function waitForMap(page: Page): Promise<void> {
	await expect.poll(() => page.locator('.map-canvas path.map-municipio').count(), { timeout: 20_000 }).toBe(9);
	await expect.poll(() => markers(page).count(), { timeout: 20_000 }).toBeGreaterThan(0);
	await expect.poll(() => page.locator('.map-status').innerText(), { timeout: 20_000 }).toMatch(/\d+ (serviz|servic)/);
}

/** Every service id of a search through /api/search, page after page. */
export async function searchIds(query: string): Promise<{ total: number; ids: string[] }> {
	const ids: string[] = [];
	let total = 0;
	for (let page = 1; page <= 50; page++) {
		const response = await fetch(new URL(`/api/search?${query}&per_page=100&page=${page}`, baseUrl()));
		expect(response.status).toBe(200);
		const body = (await response.json()) as { total: number; results: { id: string }[] };
		total = body.total;
		ids.push(...body.results.map((r) => r.id));
		if (ids.length >= total || body.results.length === 0) break;
	}
	return { total, ids };
}

/** Applies the first municipio the filter form offers (by its label, as a family would); returns it. */
export async function applyFirstMunicipio(page: Page): Promise<string> {
	const form = await filterForm(page);
	const values = await form.locator('input[name="municipio"]').evaluateAll((inputs) =>
		inputs.map((input) => (input as HTMLInputElement).value).filter((value) => value !== '')
	);
	expect(values.length).toBeGreaterThan(1);
	const value = values[0]!;
	await applyFilters(
		page,
		(f) => f.locator(`label[for="filtro-municipio-${value}"]`).click(),
		(url) => url.pathname === '/mappa' && url.searchParams.get('municipio') === value
	);
	return value;
}
