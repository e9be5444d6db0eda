/**
 * Accessibility sweep: zero axe violations (WCAG 2.0/2.1/2.2 A and AA) on every page template,
 * at desktop and phone widths, in Italian and English, on the error pages, and on every page of
 * the sitemap (or a sample covering every area and data source: see e2e/README.md).
 */
import { afterAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appUrl, baseUrl } from '../support/app.ts';
import { findAxeViolations, formatViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';
import { AREAS } from '../support/reference.ts';
import { selectSweepPages } from '../support/sweep-sample.ts';

const session = useBrowser();

async function sitemapUrls(): Promise<string[]> {
	const response = await fetch(appUrl('/sitemap.xml'));
	if (response.status !== 200) throw new Error(`/sitemap.xml answered ${response.status}`);
	const xml = await response.text();
	const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map(([, loc]) => decodeXml(loc!));
	// the sitemap holds the public origin: visit the same paths on the test server
	return [...new Set(locs.map((loc) => { const url = new URL(loc); return appUrl(url.pathname + url.search); }))];
}

function decodeXml(text: string): string {
	return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

const sitemap = await sitemapUrls();
const servicePath = new URL(sitemap.find((url) => new URL(url).pathname.startsWith('/servizi/')) ?? appUrl('/servizi/none')).pathname;
const organizationPath = new URL(sitemap.find((url) => new URL(url).pathname.startsWith('/enti/')) ?? appUrl('/enti/none')).pathname;

/** One page per template and state, with the status it must answer. */
const TEMPLATES: [string, number][] = [
	['/', 200],
	['/aree', 200],
	...AREAS.map((area): [string, number] => [`/aree/${area.id}`, 200]),
	[`/aree/sostegno-a-casa?sottocategoria=badanti`, 200],
	[`/aree/scuola?pagina=2`, 200],
	[servicePath, 200],
	[organizationPath, 200],
	['/indice', 200],
	['/indice/affitto', 200],
	['/api', 200],
	['/open-data', 200],
	['/open-data?lang=en', 200],
	['/cerca', 200],
	['/cerca?q=casa', 200],
	['/cerca?q=casa&page=2', 200],
	['/cerca?q=scuola&area=scuola&municipio=3&free=true', 200],
	['/cerca?q=badnte', 200],
	['/cerca?q=zqxjvwk', 200],
	['/cerca?q=casa&municipio=12', 400],
	['/cerca?page=0', 400],
	['/pagina-che-non-esiste', 404],
	['/servizi/servizio-che-non-esiste', 404],
	['/aree/area-che-non-esiste', 404],
	['/?lang=en', 200],
	['/cerca?q=casa&lang=en', 200],
	[`${servicePath}?lang=en`, 200],
	['/api?lang=en', 200],
	['/pagina-che-non-esiste?lang=en', 404],
	['/municipi', 200],
	['/municipi/2', 200],
	['/municipi/10', 404],
	['/quartieri', 200],
	['/quartieri/citta-studi', 200],
	['/quartieri/citta-studi?area=scuola', 200],
	['/quartieri/atlantide', 404],
	['/municipi/2?lang=en', 200],
	['/cerca?vicino=Via%20Padova%2036&radius_km=1', 200],
	['/cerca?q=nido&vicino=Via%20Zzyzx%204', 200]
];

async function checkPage(page: Page, path: string, status: number): Promise<string[]> {
	const problems: string[] = [];
	const response = await page.goto(path, { waitUntil: 'load' });
	if (response?.status() !== status) problems.push(`${path} answered ${response?.status()} instead of ${status}`);
	const violations = await findAxeViolations(page);
	if (violations.length > 0) problems.push(formatViolations(path, violations));
	return problems;
}

/** The templates whose layout changes most on a phone (header, folded filters, cards). */
const PHONE_TEMPLATES = TEMPLATES.filter(([path]) =>
	[
		'/', '/aree/scuola', servicePath, organizationPath, '/indice', '/cerca?q=casa', '/cerca?q=zqxjvwk', '/pagina-che-non-esiste',
		'/?lang=en', '/api', '/municipi/2', '/quartieri/citta-studi', '/cerca?vicino=Via%20Padova%2036&radius_km=1'
	].includes(path)
);

describe.each([
	['desktop', { width: 1280, height: 900 }, TEMPLATES],
	['phone', { width: 390, height: 844 }, PHONE_TEMPLATES]
] as const)('page templates (%s)', (_, viewport, templates) => {
	// one context per language, reused so that pages load with a warm cache as a visitor's would
	// (?lang=en leaves a cookie: English pages get their own context)
	const contexts = new Map<string, Promise<BrowserContext>>();
	const pageFor = async (path: string) => {
		const lang = path.includes('lang=en') ? 'en' : 'it';
		if (!contexts.has(lang)) contexts.set(lang, session.newContext({ viewport }));
		return (await contexts.get(lang)!).newPage();
	};
	afterAll(async () => {
		for (const context of contexts.values()) await (await context).close();
	});

	test.each(templates)('%s answers %i with zero axe violations', async (path, status) => {
		const page = await pageFor(path);
		try {
			const problems = await checkPage(page, path, status);
			expect(problems, problems.join('\n')).toEqual([]);
			// the basics axe cannot judge alone
			expect(await page.locator('h1').count(), 'one h1 per page').toBe(1);
			expect(await page.locator('main').count(), 'one main landmark').toBe(1);
			expect((await page.title()).trim().length).toBeGreaterThan(0);
			expect(await page.locator('html').getAttribute('lang')).toBe(path.includes('lang=en') ? 'en' : 'it');
		} finally {
			await page.close();
		}
	});
});

describe('sitemap', () => {
	test('lists the home, the index, every area and services and organizations', () => {
		const paths = new Set(sitemap.map((url) => new URL(url).pathname));
		expect(paths.has('/')).toBe(true);
		expect(paths.has('/indice')).toBe(true);
		for (const area of AREAS) expect(paths.has(`/aree/${area.id}`), area.id).toBe(true);
		expect([...paths].filter((p) => p.startsWith('/servizi/')).length).toBeGreaterThan(0);
		expect([...paths].filter((p) => p.startsWith('/enti/')).length).toBeGreaterThan(0);
		for (const url of sitemap) expect(new URL(url).origin).toBe(new URL(baseUrl()).origin);
	});

	test(
		'every page in the sweep answers 200 with zero axe violations',
		async () => {
			const selection = await selectSweepPages(sitemap);
			const context: BrowserContext = await session.newContext();
			const started = Date.now();
			const problems: string[] = [];
			let visited = 0;
			const queue = [...selection.urls];
			const worker = async () => {
				const page = await context.newPage();
				for (let url = queue.shift(); url; url = queue.shift()) {
					const path = new URL(url).pathname + new URL(url).search;
					try {
						problems.push(...(await checkPage(page, path, 200)));
					} catch (error) {
						problems.push(`${path}: ${(error as Error).message}`);
					}
					visited += 1;
					if (visited % 100 === 0) process.stderr.write(`[sweep] ${visited}/${selection.urls.length} pages\n`);
				}
				await page.close();
			};
			await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
			await context.close();
			const seconds = (Date.now() - started) / 1000;
			process.stderr.write(
				`[sweep] ${visited} pages (${selection.description}) in ${seconds.toFixed(0)} s, ` +
					`${((seconds * 1000) / Math.max(visited, 1)).toFixed(0)} ms per page, ${SWEEP_CONCURRENCY} at a time\n`
			);
			expect(visited).toBe(selection.urls.length);
			expect(problems, `${problems.length} page(s) with problems:\n${problems.slice(0, 40).join('\n')}`).toEqual([]);
		},
		30 * 60_000
	);
});

const SWEEP_CONCURRENCY = Number(process.env.E2E_SWEEP_CONCURRENCY ?? 2);
