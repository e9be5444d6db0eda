/**
 * The core journeys of a family, written once and run twice: with JavaScript (e2e/citizen/)
 * and without it (e2e/nojs/). Each ends on real content: names, counts, links, texts.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe.ts';
import {
	applyFilters,
	fetchHtml,
	filterForm,
	linksToArea,
	main,
	mainSearchForm,
	mainText,
	navigate,
	open,
	resultCount,
	resultHrefs,
	resultLinks,
	submitSearch
} from './portal.ts';

const RENT = /affitt|locazion|moros/i;

/** Home → "soldi per l'affitto" → the first result is rent support → its page says how to act. */
export async function searchRentSupportFromHome(page: Page): Promise<void> {
	await open(page, '/');
	await submitSearch(page, mainSearchForm(page), "soldi per l'affitto");
	expect(await resultCount(page)).toBeGreaterThan(0);
	const first = resultLinks(page).first();
	const name = (await first.innerText()).trim();
	const href = (await first.getAttribute('href'))!;
	expect(href).toMatch(/^\/servizi\//);

	await navigate(page, () => first.click(), (url) => url.pathname === href);
	expect((await page.locator('h1').innerText()).trim()).toBe(name);
	const html = await page.content();
	const text = await mainText(page);
	expect(
		linksToArea(html, 'sostegno-economico') || RENT.test(name) || RENT.test(text),
		`the first result for "soldi per l'affitto", ${name}, is not about rent support`
	).toBe(true);
	await expectServicePageToExplainHowToAct(page);
	await expectNoAxeViolations(page);
}

/** A service page has the sections a family needs to act: how to access it and whom to contact. */
export async function expectServicePageToExplainHowToAct(page: Page): Promise<void> {
	const headings = (await main(page).locator('h2, h3').allInnerTexts()).map((h) => h.trim());
	expect(headings, 'service page headings').toContain('Come fare');
	expect(headings.some((h) => /^Contatti/.test(h)), `no "Contatti" among ${headings.join(' | ')}`).toBe(true);
	const contacts = main(page).locator('a[href^="tel:"], a[href^="mailto:"]');
	expect(await contacts.count(), 'phone or e-mail links').toBeGreaterThan(0);
}

/** The number in a "(12)" count at the end of a link or label. */
function trailingCount(text: string): number {
	const found = /\((\d[\d.,]*)\)\s*$/.exec(text.replace(/\s+/g, ' ').trim());
	return found ? Number(found[1]!.replace(/[.,]/g, '')) : NaN;
}

/** Home → an area card → a sub-category that narrows the list → one of its services. */
export async function browseAreaToService(page: Page, areaId: string): Promise<void> {
	await open(page, '/');
	const card = main(page).locator(`a[href="/aree/${areaId}"]`).first();
	await navigate(page, () => card.click(), (url) => url.pathname === `/aree/${areaId}`);
	const areaServices = await resultHrefs(page);
	expect(areaServices.length).toBeGreaterThan(0);

	const subLinks = main(page).locator('a[href*="sottocategoria="]');
	// "Tutte (972)": the link to the whole area with its count
	const all = main(page).locator(`a[href="/aree/${areaId}"]`).filter({ hasText: /\(\d[\d.,]*\)\s*$/ });
	const areaTotal = trailingCount(await all.innerText());
	let chosen: { href: string; name: string; count: number } | undefined;
	for (const link of await subLinks.all()) {
		const text = (await link.innerText()).replace(/\s+/g, ' ').trim();
		const count = trailingCount(text);
		if (count > 0 && count < areaTotal) {
			chosen = { href: (await link.getAttribute('href'))!, name: text.replace(/\s*\(\d[\d.,]*\)$/, ''), count };
			break;
		}
	}
	expect(chosen, `no sub-category of ${areaId} narrows its ${areaTotal} services`).toBeDefined();
	const subcategory = new URL(chosen!.href, page.url()).searchParams.get('sottocategoria')!;
	await navigate(page, () => subLinks.filter({ hasText: chosen!.name }).first().click(), (url) => url.searchParams.get('sottocategoria') === subcategory);
	expect((await page.locator('h1').innerText()).trim()).toBe(chosen!.name);
	const subServices = await resultHrefs(page);
	expect(subServices.length).toBe(Math.min(chosen!.count, 20));
	expect(subServices, 'the sub-category filter changed nothing').not.toEqual(areaServices);

	const first = resultLinks(page).first();
	const name = (await first.innerText()).trim();
	await navigate(page, () => first.click(), (url) => url.pathname === subServices[0]);
	expect((await page.locator('h1').innerText()).trim()).toBe(name);
	expect(await main(page).locator(`a[href*="sottocategoria=${subcategory}"]`).count(), 'the service page links its sub-category').toBeGreaterThan(0);
}

type FacetOption = { value: string; count: number };

/** The options of a facet with their counts ("Scuola (12)"), read from the filter form. */
async function facetOptions(page: Page, name: string): Promise<FacetOption[]> {
	const form = await filterForm(page);
	const inputs = form.locator(`input[name="${name}"]`);
	const options: FacetOption[] = [];
	for (const input of await inputs.all()) {
		const id = await input.getAttribute('id');
		const label = id ? form.locator(`label[for="${id}"]`) : input.locator('xpath=ancestor::label');
		options.push({ value: (await input.getAttribute('value')) ?? '', count: trailingCount(await label.innerText()) });
	}
	return options;
}

/** A facet option that narrows the results (0 < count < total), the first in the form's order. */
async function narrowingOption(page: Page, name: string, total: number): Promise<FacetOption> {
	const options = await facetOptions(page, name);
	expect(options.length, `no "${name}" facet on ${page.url()}`).toBeGreaterThan(0);
	const option = options.find((o) => o.value !== '' && o.count > 0 && o.count < total);
	expect(option, `no "${name}" option narrows ${total} results: ${JSON.stringify(options)}`).toBeDefined();
	return option!;
}

/** Ticks a filter option the way a person does, on its label (Bootstrap Italia draws the box there). */
async function check(page: Page, name: string, value: string) {
	const form = await filterForm(page);
	const input = form.locator(`input[name="${name}"][value="${value}"]`);
	const id = await input.getAttribute('id');
	expect(id, `the ${name}=${value} option has no id for its label`).toBeTruthy();
	await form.locator(`label[for="${id}"]`).click();
	expect(await input.isChecked()).toBe(true);
}

/** /cerca: the area facet changes the count to the facet's count; every result is of that area. */
export async function filterSearchByArea(page: Page, query: string): Promise<void> {
	await open(page, `/cerca?q=${encodeURIComponent(query)}`);
	const total = await resultCount(page);
	const area = await narrowingOption(page, 'area', total);
	await applyFilters(page, () => check(page, 'area', area.value), (url) => url.searchParams.get('area') === area.value);
	const filtered = await resultCount(page);
	expect(filtered).toBe(area.count);
	expect(filtered).toBeLessThan(total);
	const hrefs = await resultHrefs(page);
	expect(hrefs.length).toBe(Math.min(filtered, 20));
	for (const href of hrefs) {
		expect(linksToArea(await fetchHtml(href), area.value), `${href} is not in the area ${area.value}`).toBe(true);
	}
	expect(new URL(page.url()).searchParams.get('q')).toBe(query);
}

/** /cerca: the municipio facet; every result card says that municipio. */
export async function filterSearchByMunicipio(page: Page, query: string): Promise<void> {
	await open(page, `/cerca?q=${encodeURIComponent(query)}`);
	const total = await resultCount(page);
	const municipio = await narrowingOption(page, 'municipio', total);
	await applyFilters(page, () => check(page, 'municipio', municipio.value), (url) => url.searchParams.get('municipio') === municipio.value);
	expect(await resultCount(page)).toBe(municipio.count);
	const cards = main(page).locator('article.service-card');
	expect(await cards.count()).toBeGreaterThan(0);
	for (const card of await cards.all()) {
		expect(await card.innerText()).toMatch(new RegExp(`Municipio ${municipio.value}\\b`));
	}
}

/** /cerca: "Gratuito" keeps only free services; every card shows the free badge. */
export async function filterSearchFreeOfCharge(page: Page, query: string): Promise<void> {
	await open(page, `/cerca?q=${encodeURIComponent(query)}`);
	const total = await resultCount(page);
	const [free] = await facetOptions(page, 'free');
	expect(free, 'no "Gratuito" option').toBeDefined();
	await applyFilters(page, () => check(page, 'free', free!.value), (url) => url.searchParams.has('free'));
	const filtered = await resultCount(page);
	expect(filtered).toBeGreaterThan(0);
	expect(filtered).toBe(free!.count);
	expect(filtered).toBeLessThan(total);
	const cards = main(page).locator('article.service-card');
	for (const card of await cards.all()) {
		expect(await card.locator('.badge', { hasText: 'Gratuito' }).count(), await card.innerText()).toBe(1);
	}
}

/** Pagination: the next page holds other services and says it is page 2. */
export async function paginateResults(page: Page, query: string): Promise<void> {
	await open(page, `/cerca?q=${encodeURIComponent(query)}`);
	expect(await resultCount(page)).toBeGreaterThan(20);
	const first = await resultHrefs(page);
	expect(first).toHaveLength(20);
	const next = main(page).locator('nav a[rel="next"]').first();
	await navigate(page, () => next.click(), (url) => url.searchParams.get('page') === '2');
	const second = await resultHrefs(page);
	expect(second.length).toBeGreaterThan(0);
	expect(second.filter((href) => first.includes(href)), 'page 2 repeats page 1').toEqual([]);
	const current = main(page).locator('nav [aria-current="page"]');
	expect((await current.innerText()).trim()).toMatch(/\b2\b/);
}

/** A misspelt word gets "Forse cercavi" with the right word, which leads to results. */
export async function correctTypo(page: Page): Promise<void> {
	await open(page, '/cerca');
	await submitSearch(page, mainSearchForm(page), 'badnte');
	const text = await mainText(page);
	expect(text).toMatch(/Forse cercavi/i);
	const suggestion = main(page).locator('a[href^="/cerca?"]', { hasText: /badant/i }).first();
	expect(await suggestion.count()).toBe(1);
	await navigate(page, () => suggestion.click(), (url) => /badant/i.test(url.searchParams.get('q') ?? ''));
	expect(await resultCount(page)).toBeGreaterThan(0);
}

/** A word that matches nothing: the page still helps, with the information desks and 020202. */
export async function zeroResultsHelp(page: Page): Promise<void> {
	await open(page, '/cerca?q=zqxjvwk');
	expect(await resultCount(page)).toBe(0);
	const text = await mainText(page);
	expect(text).toMatch(/020202|02 02 02/);
	const desks = main(page).locator('a[href^="/servizi/"]');
	expect(await desks.count(), 'no information desks on the zero-result page').toBeGreaterThan(0);
	await expectNoAxeViolations(page);
}

/** /indice → "affitto" → the keyword's page → the search it stands for, with results. */
export async function keywordIndexToSearch(page: Page): Promise<void> {
	await open(page, '/indice');
	const word = main(page).getByRole('link', { name: /^affitto$/i }).first();
	const href = (await word.getAttribute('href'))!;
	await navigate(page, () => word.click(), (url) => url.pathname === href);
	expect((await page.locator('h1').innerText()).toLowerCase()).toContain('affitto');
	const search = main(page).locator('a[href^="/cerca?"]').first();
	const target = new URL((await search.getAttribute('href'))!, page.url());
	await navigate(page, () => search.click(), (url) => url.pathname === '/cerca' && url.search === target.search);
	expect(await resultCount(page)).toBeGreaterThan(0);
}

async function navigationLabels(page: Page): Promise<string[]> {
	const nav = page.getByRole('navigation', { name: /^(Menu principale|Main menu)$/ });
	return (await nav.getByRole('link').allInnerTexts()).map((label) => label.trim());
}

async function switchTo(page: Page, label: 'English' | 'Italiano', lang: 'en' | 'it') {
	const link = page.getByRole('navigation', { name: /^(Menu principale|Main menu)$/ }).getByRole('link', { name: label });
	await navigate(page, () => link.click(), (url) => url.searchParams.get('lang') === lang);
	await expect.poll(() => page.locator('html').getAttribute('lang'), { message: 'html lang after the switch' }).toBe(lang);
}

/** The language switch turns the navigation into English, the choice sticks, and back. */
export async function switchLanguage(page: Page): Promise<void> {
	await open(page, '/cerca?q=casa');
	expect(await page.locator('html').getAttribute('lang')).toBe('it');
	expect(await navigationLabels(page)).toEqual(expect.arrayContaining(['Aree di bisogno', 'Indice A-Z', 'Cerca']));

	await switchTo(page, 'English', 'en');
	await expect.poll(() => navigationLabels(page)).toEqual(expect.arrayContaining(['Areas of need', 'A-Z index', 'Search']));
	expect(await navigationLabels(page)).not.toContain('Aree di bisogno');
	expect(new URL(page.url()).searchParams.get('q'), 'the switch keeps the search').toBe('casa');

	// the choice is remembered on the next page
	await open(page, '/indice');
	expect(await page.locator('html').getAttribute('lang')).toBe('en');
	expect(await navigationLabels(page)).toContain('Areas of need');

	await switchTo(page, 'Italiano', 'it');
	await expect.poll(() => navigationLabels(page)).toContain('Aree di bisogno');
}

/** Tab from the top reaches the skip link first; Enter moves focus into the main content. */
export async function skipToMainContent(page: Page): Promise<void> {
	await open(page, '/');
	await page.keyboard.press('Tab');
	const skip = await page.evaluate(() => {
		const el = document.activeElement as HTMLAnchorElement | null;
		return { tag: el?.tagName, href: el?.getAttribute('href'), text: el?.textContent?.trim() };
	});
	expect(skip).toEqual({ tag: 'A', href: '#main', text: 'Vai al contenuto principale' });
	expect(await focusIndicator(page), 'the focused skip link shows a focus indicator').not.toBeNull();
	expect(await page.evaluate(() => document.activeElement!.getBoundingClientRect().height)).toBeGreaterThan(0);

	await page.keyboard.press('Enter');
	await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null && document.activeElement?.tagName !== 'BODY')).toBe(true);
	// the next Tab continues inside the main content, not in the header
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
}

/** The computed focus indicator of the focused element: an outline or a box-shadow, else null. */
async function focusIndicator(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
		if (style.boxShadow && style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
		return null;
	});
}

/** Every element reached with Tab (the first dozens) shows a visible focus indicator. */
export async function focusIsAlwaysVisible(page: Page, path: string, stops = 25): Promise<void> {
	await open(page, path);
	const missing: string[] = [];
	for (let i = 0; i < stops; i += 1) {
		await page.keyboard.press('Tab');
		const described = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return el && el !== document.body ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"` : null;
		});
		if (!described) break;
		if ((await focusIndicator(page)) === null) missing.push(described);
	}
	expect(missing, `no visible focus indicator on ${path}`).toEqual([]);
}

/** The search is reachable and usable with the keyboard alone. */
export async function searchWithKeyboardOnly(page: Page): Promise<void> {
	await open(page, '/');
	let reached = false;
	for (let i = 0; i < 60 && !reached; i += 1) {
		await page.keyboard.press('Tab');
		reached = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'q');
	}
	expect(reached, 'no search field reachable with Tab').toBe(true);
	await page.keyboard.type('nido');
	await navigate(page, () => page.keyboard.press('Enter'), (url) => url.pathname === '/cerca' && url.searchParams.get('q') === 'nido');
	expect(await resultCount(page)).toBeGreaterThan(0);
}
