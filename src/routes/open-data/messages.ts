/**
 * The strings of the /open-data page in Italian and English. Browser-safe. Kept beside the page;
 * the site-wide strings are in #lib/i18n.
 */
import { interpolate, type Lang } from '#lib/i18n/index.ts';

const it = {
	title: 'Dati aperti',
	intro:
		'Tutti i servizi di Piazza si possono scaricare e riutilizzare liberamente, anche per scopi commerciali, citando la fonte. I file sono generati dai dati del portale e aggiornati a ogni modifica.',
	downloadsTitle: 'File da scaricare',
	generatedAt: 'Generato il {date}',
	size: 'Dimensione: {size}',
	download: 'Scarica {name}',
	'format.csv.title': 'Tabella per fogli di calcolo (CSV)',
	'format.csv.text':
		'Una riga per ogni servizio in ogni sede, con intestazioni in italiano: nome, ente, area, indirizzo, municipio, quartiere, contatti, orari, gratuità, data dell’ultima verifica e link alla scheda. Codifica UTF-8, separatore punto e virgola: si apre direttamente con Excel o LibreOffice.',
	'format.geojson.title': 'Mappa dei luoghi (GeoJSON)',
	'format.geojson.text':
		'Le sedi come punti (longitudine, latitudine) con i servizi offerti in ciascuna, il loro link e le aree di bisogno. Si apre con QGIS, uMap o qualunque strumento di mappe.',
	'format.hsds-json.title': 'Elenco completo in formato HSDS (JSON)',
	'format.hsds-json.text':
		'Tutti i servizi con ogni dettaglio (ente, sedi, indirizzi, telefoni, orari, costi, categorie) nello standard internazionale Open Referral HSDS 3.1, per lo scambio con altri elenchi di servizi.',
	'format.datapackage.title': 'Pacchetto dati HSDS (CSV, zip)',
	'format.datapackage.text':
		'Lo stesso contenuto in forma di tabelle: un file CSV per tabella HSDS 3.1 e il descrittore datapackage.json (Frictionless Data). Si reimporta con npm run import.',
	licenceTitle: 'Licenza e fonti',
	licence:
		'I dati sono pubblicati con licenza Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0): puoi copiarli, modificarli e ridistribuirli citando «Piazza – Comune di Milano».',
	licenceLink: 'Testo della licenza CC BY 4.0',
	sources:
		'Contengono dati del Comune di Milano (dati.comune.milano.it, licenza CC BY 4.0): scuole, biblioteche, farmacie, impianti sportivi, residenze per anziani, sedi dei servizi sociali territoriali, confini di municipi e quartieri (NIL). Le schede scritte dalla redazione sono indicate come tali in ogni servizio.',
	apiTitle: 'Per sviluppatori',
	api: 'Gli stessi dati sono consultabili anche un servizio alla volta tramite l’API HSDS 3.1 di Piazza.',
	apiDocs: 'Documentazione dell’API',
	apiSpec: 'Specifica OpenAPI (JSON)',
	preparing: 'I file sono in preparazione: ricarica la pagina tra qualche minuto.'
} as const;

export type OpenDataMessageKey = keyof typeof it;

const en: Record<OpenDataMessageKey, string> = {
	title: 'Open data',
	intro:
		"Every service in Piazza can be downloaded and reused freely, commercial use included, as long as the source is credited. The files are generated from the portal's data and updated whenever it changes.",
	downloadsTitle: 'Files to download',
	generatedAt: 'Generated on {date}',
	size: 'Size: {size}',
	download: 'Download {name}',
	'format.csv.title': 'Spreadsheet table (CSV)',
	'format.csv.text':
		'One row per service at each place, with Italian headers: name, organization, area, address, municipio, neighbourhood, contacts, opening hours, free of charge, date of the last check and link to the page. UTF-8, semicolon-separated: opens directly in Excel or LibreOffice.',
	'format.geojson.title': 'Map of places (GeoJSON)',
	'format.geojson.text':
		'The places as points (longitude, latitude) with the services offered at each, their link and areas of need. Opens in QGIS, uMap or any mapping tool.',
	'format.hsds-json.title': 'Full list in HSDS format (JSON)',
	'format.hsds-json.text':
		'Every service with every detail (organization, places, addresses, phones, hours, costs, categories) in the international Open Referral HSDS 3.1 standard, for exchange with other service directories.',
	'format.datapackage.title': 'HSDS data package (CSV, zip)',
	'format.datapackage.text':
		'The same content as tables: one CSV file per HSDS 3.1 table and the datapackage.json descriptor (Frictionless Data). Imported back with npm run import.',
	licenceTitle: 'Licence and sources',
	licence:
		'The data are published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may copy, change and redistribute them, crediting "Piazza – Comune di Milano".',
	licenceLink: 'Text of the CC BY 4.0 licence',
	sources:
		'They contain data of the City of Milan (dati.comune.milano.it, CC BY 4.0 licence): schools, libraries, pharmacies, sports facilities, care homes, local social service offices, boundaries of municipi and neighbourhoods (NIL). Records written by the editorial team are marked as such on each service.',
	apiTitle: 'For developers',
	api: "The same data can also be read one service at a time through Piazza's HSDS 3.1 API.",
	apiDocs: 'API documentation',
	apiSpec: 'OpenAPI specification (JSON)',
	preparing: 'The files are being prepared: reload the page in a few minutes.'
};

const dictionaries = { it, en } as const;

export function ot(lang: Lang, key: OpenDataMessageKey, params: Record<string, string | number> = {}): string {
	return interpolate(dictionaries[lang][key], params);
}

/** "1,2 MB" / "1.2 MB". */
export function formatBytes(lang: Lang, bytes: number): string {
	const units = ['byte', 'KB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	const number = value.toLocaleString(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: unit === 0 ? 0 : 1 });
	return `${number} ${units[unit]}`;
}
