import { describe, expect, it } from 'vitest';
import { streamJsonRecords } from './stream-json-records.ts';

/** The text cut into pieces of `size` characters, as a file stream would deliver it. */
async function* pieces(text: string, size: number) {
	for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function read(text: string, size = 7) {
	const values: unknown[] = [];
	for await (const r of streamJsonRecords(pieces(text, size))) values.push(r.value);
	return values;
}

const services = [
	{ id: 'a', name: 'Uno, "due" [tre] {quattro}', phones: [{ number: '02 1' }] },
	{ id: 'b', name: 'Back\\slash \\" ]', nested: { list: [[], {}] } }
];

describe('streamJsonRecords', () => {
	it.each([1, 3, 7, 64, 10_000])('reads every form, whatever the chunk size (%i)', async (size) => {
		expect(await read(JSON.stringify(services, null, 2), size)).toEqual(services);
		expect(await read(JSON.stringify({ total_items: 2, contents: services, page_number: 1 }), size)).toEqual(services);
		expect(await read(JSON.stringify({ services }), size)).toEqual(services);
		expect(await read(`\uFEFF${JSON.stringify(services[0])}`, size)).toEqual([services[0]]);
		expect(await read('[]', size)).toEqual([]);
	});

	it('ignores an array under another key and takes the services array', async () => {
		const page = { meta: { contents: 'x', list: [1, 2] }, other: [{ id: 'z', name: 'no' }], contents: services };
		expect(await read(JSON.stringify(page))).toEqual(services);
	});

	it('yields records before the end of the file (streaming)', async () => {
		const stream = streamJsonRecords(pieces('[{"id":"a","name":"x"},{"id":"b","name":"y"}, {"broken', 5));
		const first = await stream.next();
		expect(first.value).toEqual({ index: 0, value: { id: 'a', name: 'x' } });
		await expect(stream.next()).resolves.toMatchObject({ value: { index: 1 } });
		await expect(stream.next()).rejects.toThrow(/finisce prima del previsto/);
	});

	it.each([
		['', /il file è vuoto/],
		['   ', /il file è vuoto/],
		['[{"id": "a",}]', /riga 1, colonna 13/],
		['[\n  {"id": "a"},\n  {"id": tru}\n]', /riga 3, colonna 3: valore non valido, vicino a: \{"id": tru/],
		['[{"id": "a"}, , {"id": "b"}]', /riga 1, colonna 15: manca un valore/],
		['[{"id": "a"}', /finisce prima del previsto/],
		['[{"id": "a"}]]', /riga 1, colonna 14/],
		['[{"id": "a"}] x', /testo dopo la fine/],
		['[{"id": "a}]', /non chiuso/],
		['"text"', /deve contenere servizi HSDS/],
		['{"total_items": 0}', /deve contenere servizi HSDS/],
		['[{"id": "a"}}', /"}" inatteso/]
	])('reports malformed input %j clearly', async (text, message) => {
		await expect(read(text)).rejects.toThrow(message);
	});
});

describe('streamJsonRecords on a 200 MB file', () => {
	it('reads it in bounded memory', { timeout: 120_000 }, async () => {
		const record = JSON.stringify({ id: 'x', name: 'Servizio', description: 'testo '.repeat(150) });
		const perChunk = Math.floor((1 << 16) / (record.length + 2));
		const chunk = Array.from({ length: perChunk }, () => record).join(',\n');
		const chunks = Math.ceil((200 * 1024 * 1024) / chunk.length);
		async function* file() {
			yield '[';
			for (let i = 0; i < chunks; i++) yield i === 0 ? chunk : `,\n${chunk}`;
			yield ']';
		}
		global.gc?.();
		const before = process.memoryUsage().heapUsed;
		let count = 0;
		let peak = 0;
		for await (const r of streamJsonRecords(file())) {
			count++;
			if (count % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
			expect((r.value as { id: string }).id).toBe('x');
		}
		expect(count).toBe(chunks * perChunk);
		expect(chunks * chunk.length).toBeGreaterThan(200 * 1024 * 1024);
		// a reader holding the file would need 400 MB of heap for the text alone (UTF-16)
		expect(peak).toBeLessThan(64 * 1024 * 1024);
	});
});
