/** readHsdsApi against a real local HTTP server that speaks (or breaks) the HSDS paging protocol. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHsdsApi } from './read-hsds-api.ts';

type Handler = (url: URL, res: ServerResponse) => void;
let handler: Handler = () => {};
const requests: string[] = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	requests.push(`${url.pathname}${url.search}`);
	handler(url, res);
});
let base = '';
beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hsds`;
});
afterAll(() => {
	server.closeAllConnections();
	return new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (res: ServerResponse, body: unknown, status = 200) => {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
};
const page = (contents: unknown[], number: number, totalPages: number) => ({
	total_items: contents.length,
	total_pages: totalPages,
	page_number: number,
	size: contents.length,
	first_page: number === 1,
	last_page: number === totalPages,
	empty: contents.length === 0,
	contents
});

async function collect(options = {}) {
	const out = [];
	for await (const item of readHsdsApi(base, { timeoutMs: 400, ...options })) out.push(item);
	return out;
}

describe('readHsdsApi', () => {
	it('reads every page, and each service in full when the list is not', async () => {
		requests.length = 0;
		handler = (url, res) => {
			if (url.pathname === '/api/hsds/services') {
				const n = Number(url.searchParams.get('page'));
				return json(res, page(n === 1 ? [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] : [{ id: 'c', name: 'C', service_at_locations: [] }], n, 2));
			}
			const id = url.pathname.split('/').at(-1);
			json(res, { id, name: id!.toUpperCase(), service_at_locations: [], full: true });
		};
		const items = await collect({ perPage: 2 });
		expect(items).toEqual([
			{ record: { id: 'a', name: 'A', service_at_locations: [], full: true }, where: 'pagina 1, [0]' },
			{ record: { id: 'b', name: 'B', service_at_locations: [], full: true }, where: 'pagina 1, [1]' },
			{ record: { id: 'c', name: 'C', service_at_locations: [] }, where: 'pagina 2, [0]' }
		]);
		// the details of a page are fetched side by side: their order varies
		expect(requests[0]).toBe('/api/hsds/services?page=1&per_page=2&full=true');
		expect(requests.slice(1, 3).sort()).toEqual(['/api/hsds/services/a', '/api/hsds/services/b']);
		expect(requests.slice(3)).toEqual(['/api/hsds/services?page=2&per_page=2&full=true']);
	});

	it.each<[string, Handler, RegExp]>([
		['stalls', () => {}, /il server non ha risposto entro 0,4 s/],
		[
			'answers HTML',
			(_, res) => {
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
				res.end('<!doctype html><title>Manutenzione</title>');
			},
			/la risposta non è JSON \(tipo text\/html\), non sembra un'API HSDS/
		],
		['answers a broken envelope', (_, res) => json(res, { items: [] }), /non è una pagina HSDS \(manca l'elenco "contents"\)/],
		['forgets total_pages', (_, res) => json(res, { contents: [] }), /non indica "total_pages"/],
		['answers an error', (_, res) => json(res, { error: 'x' }, 503), /il server ha risposto 503/],
		[
			'stalls in the middle of the body',
			(_, res) => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.write('{"contents": [');
			},
			/la risposta si è interrotta o non è arrivata entro 0,4 s|il server non ha risposto entro 0,4 s/
		]
	])('stops with a clear message when the server %s', async (_, h, message) => {
		handler = h;
		await expect(collect()).rejects.toThrow(message);
	});

	it('refuses an address that is not http(s)', async () => {
		const read = readHsdsApi('ftp://example.org/hsds');
		await expect(read.next()).rejects.toThrow('indirizzo non valido: ftp://example.org/hsds');
	});
});
