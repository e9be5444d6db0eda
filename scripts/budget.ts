/**
 * npm run budget [-- --base <url>] [-- <path> ...]
 *
 * The performance budget of the pages families open first. Fetches each page like a browser:
 * the HTML, every stylesheet, script, module preload and image it references (scripts' static
 * imports and CSS `url()`/`@import` followed recursively), plus whatever Chromium really requests
 * until the network is idle (e.g. the chunks the client router loads after hydration), and sums
 * what travels gzip-compressed (what the server sends with `accept-encoding: gzip`, or zlib
 * level 9 when it sends it plain). Fonts are listed apart and excluded from the total.
 * Exits 1 when a page is over budget.
 *
 * Without --base it builds if needed and serves the app on port 3103 with a fresh seeded
 * database, exactly as the e2e tier does (e2e/support/app-server.ts).
 */
import http from 'node:http';
import https from 'node:https';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchApp } from '../e2e/support/app-server.ts';
import { launchChromium } from '../e2e/support/chromium.ts';

/** 1 KB = 1,000 bytes. */
const KB = 1000;
const BUDGET = { totalKb: 150, jsKb: 60 };
const DEFAULT_PAGES = ['/', '/cerca?q=casa'];

type Kind = 'html' | 'css' | 'js' | 'image' | 'font' | 'other';
type Asset = { url: string; kind: Kind; status: number; rawBytes: number; gzipBytes: number; serverGzip: boolean };

const FONT = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|ico)(\?|#|$)/i;

function fetchRaw(url: string): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
	const client = url.startsWith('https:') ? https : http;
	return new Promise((resolve, reject) => {
		const request = client.get(
			url,
			{
				headers: {
					'accept-encoding': 'gzip',
					accept: 'text/html,application/xhtml+xml,text/css,*/*;q=0.8',
					'accept-language': 'it-IT,it;q=0.9',
					'user-agent': 'piazza-budget'
				}
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks), headers: response.headers })
				);
				response.on('error', reject);
			}
		);
		request.setTimeout(30_000, () => request.destroy(new Error(`timeout fetching ${url}`)));
		request.on('error', reject);
	});
}

async function fetchAsset(url: string, kind: Kind): Promise<{ asset: Asset; text: string }> {
	const { status, body, headers } = await fetchRaw(url);
	const serverGzip = headers['content-encoding'] === 'gzip';
	const plain = serverGzip ? gunzipSync(body) : body;
	const gzipBytes = serverGzip ? body.length : gzipSync(plain, { level: 9 }).length;
	return {
		asset: { url, kind, status, rawBytes: plain.length, gzipBytes, serverGzip },
		text: kind === 'html' || kind === 'css' || kind === 'js' ? plain.toString('utf8') : ''
	};
}

function attributes(tag: string): Record<string, string> {
	const found: Record<string, string> = {};
	const pattern = /([^\s=<>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
	for (const match of tag.replace(/^<\w+/, '').matchAll(pattern)) {
		found[match[1]!.toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
	}
	return found;
}

function decodeEntities(value: string): string {
	return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** What the HTML makes a browser download (without scripts of its own running, except imports). */
function htmlReferences(html: string, base: string): { url: string; kind: Kind }[] {
	const found: { url: string; kind: Kind }[] = [];
	const add = (href: string | undefined, kind: Kind) => {
		if (!href || href.startsWith('data:') || href.startsWith('#')) return;
		found.push({ url: new URL(href, base).toString(), kind: FONT.test(href) ? 'font' : kind });
	};
	const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
	for (const [tag, name] of withoutComments.matchAll(/<(link|script|img|source|use|image|input)\b[^>]*>/gi)) {
		const attrs = attributes(tag);
		switch (name!.toLowerCase()) {
			case 'link': {
				const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
				if (rel.includes('stylesheet')) add(attrs.href, 'css');
				else if (rel.includes('modulepreload')) add(attrs.href, 'js');
				else if (rel.includes('preload')) add(attrs.href, attrs.as === 'font' ? 'font' : attrs.as === 'style' ? 'css' : attrs.as === 'script' ? 'js' : 'image');
				else if (rel.includes('icon')) add(attrs.href, 'image');
				break;
			}
			case 'script':
				add(attrs.src, 'js');
				break;
			case 'img':
			case 'input':
				if (name!.toLowerCase() === 'input' && attrs.type !== 'image') break;
				add(attrs.src, 'image');
				break;
			case 'source':
				if (attrs.src) add(attrs.src, 'image');
				break;
			case 'use':
			case 'image': {
				// <use href="/sprites.svg#icon"> downloads the whole sprite file
				const href = attrs.href ?? attrs['xlink:href'];
				if (href && !href.startsWith('#')) add(href.split('#')[0], 'image');
				break;
			}
		}
	}
	// SvelteKit's inline bootstrap script imports its entry points
	for (const [, body] of withoutComments.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
		for (const [, specifier] of body!.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) add(specifier, 'js');
	}
	return found;
}

/** Static imports of an ES module (dynamic imports load later, on demand, and are not counted). */
function jsReferences(code: string, base: string): { url: string; kind: Kind }[] {
	const found = new Set<string>();
	for (const [, specifier] of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g)) {
		if (specifier!.startsWith('.') || specifier!.startsWith('/')) found.add(new URL(specifier!, base).toString());
	}
	return [...found].map((url) => ({ url, kind: 'js' as const }));
}

function cssReferences(css: string, base: string): { url: string; kind: Kind }[] {
	const found: { url: string; kind: Kind }[] = [];
	const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
	for (const [, quoted, plain] of withoutComments.matchAll(/@import\s+(?:url\()?\s*(?:["']([^"']+)["']|([^"')\s;]+))/g)) {
		found.push({ url: new URL((quoted ?? plain)!, base).toString(), kind: 'css' });
	}
	for (const [, raw] of withoutComments.matchAll(/url\(\s*([^)]+?)\s*\)/g)) {
		const href = raw!.replace(/^["']|["']$/g, '');
		if (!href || href.startsWith('data:') || href.startsWith('#')) continue;
		const url = new URL(href, base).toString();
		if (found.some((entry) => entry.url === url)) continue;
		found.push({ url, kind: FONT.test(href) ? 'font' : IMAGE.test(href) ? 'image' : 'other' });
	}
	return found;
}

const RESOURCE_KINDS: Record<string, Kind> = {
	document: 'html',
	stylesheet: 'css',
	script: 'js',
	image: 'image',
	font: 'font'
};

/** What Chromium downloads for the page, with scripts running, until the network is idle. */
async function browserRequests(browser: Browser, pageUrl: string): Promise<{ url: string; kind: Kind }[]> {
	const context = await browser.newContext({ locale: 'it-IT' });
	try {
		const page = await context.newPage();
		const found: { url: string; kind: Kind }[] = [];
		page.on('request', (request) => {
			found.push({ url: request.url(), kind: RESOURCE_KINDS[request.resourceType()] ?? 'other' });
		});
		await page.goto(pageUrl, { waitUntil: 'networkidle' });
		return found.filter((entry) => entry.url !== pageUrl);
	} finally {
		await context.close();
	}
}

async function measurePage(baseUrl: string, path: string, browser: Browser): Promise<Asset[]> {
	const pageUrl = new URL(path, baseUrl).toString();
	const seen = new Map<string, Asset>();
	let queue: { url: string; kind: Kind }[] = [{ url: pageUrl, kind: 'html' }];
	// the markup's own references first (their kind is known); then what only the browser found
	let loaded = await browserRequests(browser, pageUrl);
	while (queue.length > 0 || loaded.length > 0) {
		if (queue.length === 0) [queue, loaded] = [loaded, []];
		const next = queue.shift()!;
		const key = next.url.split('#')[0]!;
		if (seen.has(key) || key.startsWith('data:')) continue;
		if (new URL(key).origin !== new URL(baseUrl).origin) {
			throw new Error(`${path} makes the browser download a third-party resource: ${key}`);
		}
		const { asset, text } = await fetchAsset(key, next.kind);
		seen.set(key, asset);
		if (asset.status !== 200) {
			throw new Error(`${key} (loaded by ${path}) answered ${asset.status}`);
		}
		if (next.kind === 'html') queue.push(...htmlReferences(text, key));
		else if (next.kind === 'css') queue.push(...cssReferences(text, key));
		else if (next.kind === 'js') queue.push(...jsReferences(text, key));
	}
	return [...seen.values()];
}

function kb(bytes: number): string {
	return (bytes / KB).toFixed(1).padStart(7);
}

function report(path: string, assets: Asset[]): { over: string[] } {
	const sum = (kind: Kind) => assets.filter((a) => a.kind === kind).reduce((total, a) => total + a.gzipBytes, 0);
	const counted: Kind[] = ['html', 'css', 'js', 'image', 'other'];
	const total = counted.reduce((all, kind) => all + sum(kind), 0);
	const js = sum('js');
	const fonts = assets.filter((a) => a.kind === 'font');
	const count = (kind: Kind) => assets.filter((a) => a.kind === kind).length;

	console.log(`\n${path}`);
	console.log('  kind      files  gzip kB');
	for (const kind of counted) {
		if (kind === 'other' && count(kind) === 0) continue;
		console.log(`  ${kind.padEnd(8)} ${String(count(kind)).padStart(6)}  ${kb(sum(kind))}`);
	}
	console.log(`  ${'total'.padEnd(8)} ${String(assets.length - fonts.length).padStart(6)}  ${kb(total)}   (budget ${BUDGET.totalKb} kB; JS budget ${BUDGET.jsKb} kB)`);
	if (fonts.length > 0) {
		console.log(`  fonts (excluded): ${fonts.length} file(s), ${kb(sum('font')).trim()} kB gzip`);
		for (const font of fonts) console.log(`    ${new URL(font.url).pathname} ${kb(font.gzipBytes).trim()} kB`);
	}
	const plain = assets.filter((a) => !a.serverGzip && a.kind !== 'font' && a.kind !== 'image' && a.gzipBytes < a.rawBytes);
	if (plain.length > 0) {
		const raw = plain.reduce((all, a) => all + a.rawBytes, 0);
		console.log(`  note: ${plain.length} file(s) came uncompressed (${kb(raw).trim()} kB raw), counted as zlib-9 would send them: ${plain.map((a) => new URL(a.url).pathname).join(', ')}`);
	}
	if (process.env.BUDGET_VERBOSE === '1') {
		for (const asset of assets) {
			console.log(`    ${asset.kind.padEnd(6)} ${kb(asset.gzipBytes)} kB gzip ${kb(asset.rawBytes)} kB raw ${asset.serverGzip ? 'server-gzip' : 'zlib-9'} ${new URL(asset.url).pathname}`);
		}
	}
	const over: string[] = [];
	if (total > BUDGET.totalKb * KB) over.push(`${path}: ${(total / KB).toFixed(1)} kB total > ${BUDGET.totalKb} kB`);
	if (js > BUDGET.jsKb * KB) over.push(`${path}: ${(js / KB).toFixed(1)} kB of JavaScript > ${BUDGET.jsKb} kB`);
	return { over };
}

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	const baseIndex = args.indexOf('--base');
	const base = baseIndex >= 0 ? args[baseIndex + 1] : undefined;
	if (baseIndex >= 0 && !base) throw new Error('--base needs a URL, e.g. --base http://127.0.0.1:3000');
	const paths = args.filter((_, i) => baseIndex < 0 || (i !== baseIndex && i !== baseIndex + 1));

	const app = base ? undefined : await launchApp('budget');
	const baseUrl = base ?? app!.server.url;
	const browser = await launchChromium();
	try {
		console.log(`performance budget on ${baseUrl} (gzip; 1 kB = 1,000 bytes; fonts excluded)`);
		const over: string[] = [];
		for (const path of paths.length > 0 ? paths : DEFAULT_PAGES) {
			over.push(...report(path, await measurePage(baseUrl, path, browser)).over);
		}
		if (over.length > 0) {
			console.log(`\nOVER BUDGET:\n${over.map((line) => `  ${line}`).join('\n')}`);
			return 1;
		}
		console.log('\nwithin budget');
		return 0;
	} finally {
		await browser.close();
		await app?.close();
	}
}

try {
	process.exitCode = await main();
} catch (error) {
	console.error(`budget: ${(error as Error).message}`);
	process.exitCode = 2;
}
