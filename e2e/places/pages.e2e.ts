/**
 * The pages of places (/municipi, /quartieri) and "Vicino a" on /cerca, in Chromium: with
 * JavaScript off (the form is geocoded on the server) and on (street suggestions, "Vicino a me").
 */
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from '../support/axe.ts';
import { useBrowser } from '../support/browser.ts';
import { main, mainSearchForm, navigate, open, resultCount, resultLinks } from '../support/portal.ts';

const session = useBrowser();

/** The distances shown on the result cards, in km ("a 850 m" -> 0.85, "a 1,2 km" -> 1.2). */
async function shownDistances(page: import('playwright-core').Page): Promise<number[]> {
	const texts = await main(page).locator('article.service-card').allInnerTexts();
	return texts.map((text) => {
		const m = /\ba (\d+(?:,\d+)?) (m|km)\b/.exec(text);
		if (!m) throw new Error(`no distance on a card: ${text.slice(0, 200)}`);
		const n = Number(m[1]!.replace(',', '.'));
		return m[2] === 'm' ? n / 1000 : n;
	});
}

describe('municipi and quartieri (no JavaScript)', () => {
	test('/municipi lists the 9; municipio 2 offers areas with counts that match /cerca', async () => {
		const page = await session.newPage({ javaScriptEnabled: false });
		await open(page, '/municipi');
		const links = main(page).locator('a[href^="/municipi/"]');
		expect(await links.count()).toBe(9);
		await navigate(page, () => main(page).locator('a[href="/municipi/2"]').click(), /\/municipi\/2$/);
		await expect.poll(() => page.locator('h1').innerText()).toBe('Municipio 2');
		const crumbs = await page.locator('.breadcrumb').innerText();
		expect(crumbs).toContain('Municipi');

		const health = main(page).locator('a[href="/cerca?municipio=2&area=salute-e-prevenzione"]');
		const row = await health.locator('xpath=..').innerText();
		const count = Number(/(\d+) serviz/.exec(row)![1]);
		expect(count).toBeGreaterThan(0);
		await navigate(page, () => health.click(), (url) => url.pathname === '/cerca' && url.searchParams.get('municipio') === '2');
		expect(await resultCount(page)).toBe(count);

		await open(page, '/municipi/2');
		expect(await main(page).locator('a[href="/mappa?municipio=2"]').count()).toBe(1);
		expect(await main(page).locator('a[href^="/quartieri/"]').count()).toBe(7);
		// the social work desks of the municipio
		const desks = main(page).locator('section[aria-labelledby="desks-title"] article.service-card');
		expect(await desks.count()).toBeGreaterThan(0);
		expect(await desks.first().innerText()).toMatch(/Municipio 2/);
	});

	test('a quartiere page lists its services by area, a page at a time', async () => {
		const page = await session.newPage({ javaScriptEnabled: false });
		await open(page, '/quartieri');
		expect(await main(page).locator('a[href^="/quartieri/"]').count()).toBe(88);
		await navigate(page, () => main(page).locator('a[href="/quartieri/citta-studi"]').click(), /citta-studi$/);
		expect(await page.locator('h1').innerText()).toBe('Città Studi');
		expect(await main(page).locator('.lead').innerText()).toMatch(/Municipio 3/);
		const total = await resultLinks(page).count();
		expect(total).toBeGreaterThan(0);
		const area = main(page).locator('nav[aria-labelledby="areas-title"] a[href*="?area="]').first();
		const areaCount = Number(/\((\d+)\)/.exec(await area.innerText())![1]);
		await navigate(page, () => area.click(), (url) => url.searchParams.has('area'));
		expect(await main(page).locator('nav[aria-labelledby="areas-title"] a[aria-current="page"]').count()).toBe(1);
		expect(await resultLinks(page).count()).toBe(Math.min(areaCount, 20));
		// a service of the NIL links back to it and to its municipio
		await navigate(page, () => resultLinks(page).first().click(), /\/servizi\//);
		expect(await main(page).locator('a[href="/quartieri/citta-studi"]').count()).toBeGreaterThan(0);
		expect(await main(page).locator('a[href="/municipi/3"]').count()).toBeGreaterThan(0);
	});

	test('unknown municipi and quartieri are 404 pages', async () => {
		const page = await session.newPage({ javaScriptEnabled: false });
		await open(page, '/municipi/10', 404);
		await open(page, '/municipi/due', 404);
		await open(page, '/municipi/02', 404);
		await open(page, '/quartieri/atlantide', 404);
		await open(page, '/quartieri/citta-studi?area=nessuna', 400);
	});
});

describe('Vicino a, without JavaScript', () => {
	test('a typed address sorts the results by distance, shows them and says how precise the point is', async () => {
		const page = await session.newPage({ javaScriptEnabled: false });
		await open(page, '/cerca');
		const form = mainSearchForm(page);
		await form.locator('input[name="vicino"]').fill('Via Padova 36');
		await form.locator('select[name="radius_km"]').selectOption('1');
		await navigate(page, () => form.locator('button[type="submit"]').first().click(), (url) => url.searchParams.get('vicino') === 'Via Padova 36');
		expect(await main(page).innerText()).toMatch(/Vicino a Via Padova 36, 20131 — precisione: /);
		expect(await resultCount(page)).toBeGreaterThan(0);
		const distances = await shownDistances(page);
		expect(distances.every((d) => d <= 1)).toBe(true);
		expect(distances).toEqual([...distances].sort((a, b) => a - b));
		// the place stays in the form and in the links of the page
		expect(await mainSearchForm(page).locator('input[name="vicino"]').inputValue()).toBe('Via Padova 36');
		expect(await mainSearchForm(page).locator('select[name="radius_km"]').inputValue()).toBe('1');
		// no "Vicino a me" without JavaScript
		expect(await page.locator('#search-place-me').isVisible()).toBe(false);
		await expectNoAxeViolations(page);
	});

	test('a municipio is honest about its precision; an unknown address still searches', async () => {
		const page = await session.newPage({ javaScriptEnabled: false });
		await open(page, '/cerca?q=nido&vicino=Municipio%204');
		expect(await main(page).innerText()).toMatch(/solo il municipio è noto/);
		await open(page, '/cerca?q=nido&vicino=Via%20Zzyzx%20Qwerty%204');
		expect(await main(page).innerText()).toMatch(/Non abbiamo trovato «Via Zzyzx Qwerty 4» a Milano/);
		expect(await resultCount(page)).toBeGreaterThan(0);
	});

	test('a point outside Milan is a clear message, not a 500', async () => {
		const page = await session.newPage({ javaScriptEnabled: false });
		await open(page, '/cerca?q=casa&near=48.8566,2.3522', 400);
		expect(await main(page).innerText()).toMatch(/più di 50 km da Milano/);
	});
});

describe('Vicino a, with JavaScript', () => {
	test('"Vicino a me" asks the position only on click and searches near it', async () => {
		const page = await session.newPage({
			permissions: ['geolocation'],
			geolocation: { latitude: 45.4781, longitude: 9.2256 } // Città Studi
		});
		let asked = 0;
		await page.exposeFunction('__positionAsked', () => asked++);
		await page.addInitScript(() => {
			const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
			navigator.geolocation.getCurrentPosition = (...args: Parameters<typeof original>) => {
				(window as unknown as { __positionAsked: () => void }).__positionAsked();
				return original(...args);
			};
		});
		await open(page, '/cerca?q=scuola');
		const button = page.locator('#search-place-me');
		await expect.poll(() => button.isVisible()).toBe(true);
		expect(asked).toBe(0);
		await navigate(page, () => button.click(), (url) => url.searchParams.get('near') === '45.47810,9.22560');
		expect(asked).toBe(1);
		expect(new URL(page.url()).searchParams.get('q')).toBe('scuola');
		expect(await main(page).innerText()).toMatch(/Vicino al punto scelto, entro 2 km/);
		const distances = await shownDistances(page);
		expect(distances.length).toBeGreaterThan(0);
		expect(distances.every((d) => d <= 2)).toBe(true);
	});

	test('the field suggests streets of the register', async () => {
		const page = await session.newPage();
		await open(page, '/cerca');
		const field = page.locator('#search-place');
		await field.pressSequentially('via pado', { delay: 30 });
		const options = page.locator('#search-place-streets option');
		await expect.poll(() => options.count(), { timeout: 5000 }).toBeGreaterThan(0);
		expect(await options.evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value))).toContain('Via Padova');
		await expectNoAxeViolations(page);
	});
});
