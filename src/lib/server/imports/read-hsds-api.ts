/**
 * Pulls every service of another HSDS 3.1 API (`npm run import -- --from <base url>`): the pages
 * of `GET <base>/services?page=N&per_page=…&full=true` in order, and `GET <base>/services/{id}`
 * for each service when the server ignores `full` (a list item without its locations). A server
 * that stalls, answers an error, HTML or a broken paging envelope stops the import with a clear
 * message; the import then commits nothing (see importServiceItems).
 */
import { AppError } from '../shared/errors.ts';
import type { ImportItem } from './import-services.ts';

export type HsdsApiOptions = {
	perPage?: number;
	/** Per request. */
	timeoutMs?: number;
	/** Service details fetched at the same time when the list is not full. */
	concurrency?: number;
};

const fail = (message: string) => new AppError('INVALID_INPUT', message);
const seconds = (ms: number) => `${(ms / 1000).toLocaleString('it-IT')} s`;

async function getJson(url: URL, timeoutMs: number): Promise<unknown> {
	let response: Response;
	try {
		response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
	} catch (error) {
		const name = (error as Error).name;
		if (name === 'TimeoutError' || name === 'AbortError') {
			throw fail(`${url}: il server non ha risposto entro ${seconds(timeoutMs)}`);
		}
		const cause = (error as { cause?: { code?: string } }).cause?.code;
		throw fail(`${url}: server non raggiungibile${cause ? ` (${cause})` : ''}`);
	}
	let text: string;
	try {
		text = await response.text();
	} catch {
		throw fail(`${url}: la risposta si è interrotta o non è arrivata entro ${seconds(timeoutMs)}`);
	}
	if (!response.ok) throw fail(`${url}: il server ha risposto ${response.status} ${response.statusText}`.trim());
	try {
		return JSON.parse(text) as unknown;
	} catch {
		const type = response.headers.get('content-type') ?? 'sconosciuto';
		throw fail(`${url}: la risposta non è JSON (tipo ${type.split(';')[0]}), non sembra un'API HSDS`);
	}
}

type Page = { contents: unknown[]; totalPages: number; lastPage: boolean };

function readEnvelope(body: unknown, url: URL): Page {
	const page = body as Record<string, unknown> | null;
	if (!page || typeof page !== 'object' || !Array.isArray(page.contents)) {
		throw fail(`${url}: la risposta non è una pagina HSDS (manca l'elenco "contents")`);
	}
	const totalPages = page.total_pages;
	if (typeof totalPages !== 'number' || !Number.isInteger(totalPages) || totalPages < 0) {
		throw fail(`${url}: la pagina HSDS non indica "total_pages" (numero intero)`);
	}
	return { contents: page.contents, totalPages, lastPage: page.last_page === true };
}

const isFull = (item: unknown) =>
	!!item && typeof item === 'object' && Array.isArray((item as Record<string, unknown>).service_at_locations);

export async function* readHsdsApi(base: string, options: HsdsApiOptions = {}): AsyncGenerator<ImportItem> {
	let root: URL;
	try {
		root = new URL(base.endsWith('/') ? base : `${base}/`);
		if (root.protocol !== 'http:' && root.protocol !== 'https:') throw new Error();
	} catch {
		throw fail(`indirizzo non valido: ${base} (atteso http:// o https://)`);
	}
	const perPage = options.perPage ?? 100;
	const timeoutMs = options.timeoutMs ?? 30_000;
	const concurrency = options.concurrency ?? 8;
	for (let number = 1; ; number++) {
		const url = new URL(`services?page=${number}&per_page=${perPage}&full=true`, root);
		const page = readEnvelope(await getJson(url, timeoutMs), url);
		const items: ImportItem[] = [];
		for (let i = 0; i < page.contents.length; i += concurrency) {
			const group = page.contents.slice(i, i + concurrency);
			const records = await Promise.all(
				group.map((item) => {
					const id = (item as { id?: unknown } | null)?.id;
					if (isFull(item) || typeof id !== 'string') return item;
					return getJson(new URL(`services/${encodeURIComponent(id)}`, root), timeoutMs);
				})
			);
			records.forEach((record, j) => items.push({ record, where: `pagina ${number}, [${i + j}]` }));
		}
		yield* items;
		if (page.lastPage || number >= page.totalPages || page.contents.length === 0) return;
	}
}
