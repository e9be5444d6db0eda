/**
 * npm run bench:geocode [-- --runs 200]
 * Latency of the offline geocoder and of the address suggestions (/api/indirizzi), in process:
 * the one-time costs (reading the street register, indexing the directory's geocoded addresses)
 * and then p50/p95 per call over a mix of Milan addresses, NIL and municipi. The directory's
 * points come from the configured database (PGLITE_DIR or DATABASE_URL): seed it first.
 */
import { openDatabase } from '#lib/server/db/client.ts';
import { createOfflineGeocoder } from '#lib/server/geo/offline-geocoder.ts';
import { findGeocodedAddresses } from '#lib/server/geo/queries.ts';
import { getStreetRegister, suggestAddresses } from '#lib/server/geo/street-register.ts';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 200;

const ADDRESSES = [
	'Via Padova 36', 'Corso Buenos Aires 20', 'viale abruzzi 4, 20131 Milano', 'Piazzale Lotto 2', 'Via Giambellino 40',
	'Via Ripamonti 200', 'Corso di Porta Romana 10', 'Via Zzyzx Qwerty 4', 'Municipio 3', 'Città Studi', 'Niguarda', 'Lorenteggio'
];
const TYPED = ['via pad', 'via padova 3', 'corso b', 'buenos', 'viale monza 1', 'p', 'giamb', 'piazzale lot'];

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const report = (label: string, values: number[]) =>
	console.log(`${label.padEnd(34)} p50 ${percentile(values, 50).toFixed(3)} ms   p95 ${percentile(values, 95).toFixed(3)} ms   (${values.length} calls)`);

const database = await openDatabase();
try {
	let start = process.hrtime.bigint();
	getStreetRegister();
	console.log(`street register read and indexed     ${ms(start).toFixed(0)} ms (once per process)`);

	start = process.hrtime.bigint();
	const known = await findGeocodedAddresses(database.db);
	console.log(`directory addresses read             ${ms(start).toFixed(0)} ms (${known.length} addresses)`);
	const geocoder = createOfflineGeocoder({ loadKnownAddresses: async () => known });
	start = process.hrtime.bigint();
	await geocoder.search('Via Padova 36');
	console.log(`first street lookup (indexes them)   ${ms(start).toFixed(0)} ms (once per process)`);
	start = process.hrtime.bigint();
	suggestAddresses('via padova');
	console.log(`first suggestion (indexes labels)    ${ms(start).toFixed(0)} ms (once per process)`);

	const geocode: number[] = [];
	const suggest: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		for (const text of ADDRESSES) {
			const t = process.hrtime.bigint();
			await geocoder.search(text);
			geocode.push(ms(t));
		}
		for (const text of TYPED) {
			const t = process.hrtime.bigint();
			suggestAddresses(text);
			suggest.push(ms(t));
		}
	}
	report('offline geocode (search)', geocode);
	report('address suggestions', suggest);
} finally {
	await database.close();
}
