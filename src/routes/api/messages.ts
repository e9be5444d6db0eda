/**
 * The strings of the /api documentation page in Italian and English. The reference itself
 * (operations, parameters) comes from the OpenAPI document, which is written in Italian.
 */
import { interpolate, type Lang } from '#lib/i18n/index.ts';

const it = {
	title: 'API pubblica e HSDS',
	intro:
		'I dati di Piazza si possono leggere da programma, senza chiave e senza registrazione: la directory dei servizi nel formato standard Open Referral HSDS 3.1 e il motore di ricerca del portale. Tutte le risposte sono JSON.',
	openapi: 'Documento OpenAPI 3.1 (per generare client e validare le risposte)',
	openData: 'Dati aperti: scarica tutta la directory (HSDS JSON, pacchetto CSV, foglio di calcolo, GeoJSON)',
	contents: 'In questa pagina',
	usageTitle: 'Come si usa',
	licence:
		'Licenza dei dati: {licence}. Si possono riusare, anche a fini commerciali, citando la fonte: «Piazza» e, per i dati di origine, «Contiene dati del Comune di Milano – dati.comune.milano.it – licenza CC BY 4.0».',
	base: 'Indirizzo di base: {origin}. Solo richieste GET; ogni parametro è facoltativo salvo dove indicato.',
	errors:
		'Errori: 400 per un parametro non valido, 404 per un id sconosciuto, sempre come JSON {example}, con il messaggio in italiano e il parametro in errore.',
	caching:
		'Cache: ogni risposta HSDS ha ETag e, quando si sa, Last-Modified. Ripetendo la richiesta con If-None-Match (o If-Modified-Since) si riceve 304 se nulla è cambiato.',
	cors: 'CORS: le risposte sono aperte a ogni origine (Access-Control-Allow-Origin: *), quindi si possono usare anche da una pagina web.',
	profileTitle: 'Profilo HSDS di Piazza',
	profileIntro: 'Come Piazza applica HSDS 3.1:',
	profilePublished:
		'Sono pubblicati solo i servizi con stato «active», gli enti che ne offrono almeno uno e i loro luoghi; le tassonomie sono pubblicate per intero.',
	profileForms:
		'Gli elenchi danno i campi semplici (con l’ente, per i servizi); full=true dà i record completi; minimal=true dà di ogni servizio solo id e last_modified, tutti in una pagina.',
	profileModified:
		'last_modified è l’ultima modifica del servizio, del suo ente o dei suoi luoghi; modified_after filtra su questo valore.',
	profileExtensions:
		'Campi in più (estensioni x_, ammesse da HSDS): sul servizio x_slug (indirizzo della pagina /servizi/<slug>), x_audience_description, x_how_to_access, x_what_you_need, x_what_you_get, x_timing, x_channel, x_keywords, x_source, x_curated; sul luogo x_municipio, x_nil_id, x_nil_name.',
	profileTaxonomies:
		'Classificazione: attributi con termini della tassonomia «aree-di-bisogno» (aree e sottocategorie) e «destinatari»; le tassonomie di altre directory importate restano come tassonomie esterne.',
	profileValidation:
		'Ogni risposta è verificata nei test con gli schemi JSON ufficiali HSDS 3.1; per /service_at_locations/{id} si usa lo schema service_at_location (il documento ufficiale indica per errore quello del servizio).',
	parameters: 'Parametri',
	parametersCaption: 'Parametri di {operation}',
	parameter: 'Nome',
	where: 'Dove',
	type: 'Tipo',
	description: 'Descrizione',
	required: 'obbligatorio',
	responses: 'Risposte',
	schema: 'schema: {label}',
	example: 'Esempio'
};

export type ApiMessageKey = keyof typeof it;

const en: Record<ApiMessageKey, string> = {
	title: 'Public API and HSDS',
	intro:
		'Piazza’s data can be read by programs, with no key and no sign-up: the directory of services in the Open Referral HSDS 3.1 standard format, and the portal’s search engine. Every response is JSON. The reference below is in Italian.',
	openapi: 'OpenAPI 3.1 document (to generate clients and validate responses)',
	openData: 'Open data: download the whole directory (HSDS JSON, CSV package, spreadsheet, GeoJSON)',
	contents: 'On this page',
	usageTitle: 'How to use it',
	licence:
		'Data licence: {licence}. You may reuse the data, commercially too, crediting the source: “Piazza” and, for the original data, “Contains data from the City of Milan – dati.comune.milano.it – CC BY 4.0 licence”.',
	base: 'Base address: {origin}. GET requests only; every parameter is optional unless marked.',
	errors:
		'Errors: 400 for an invalid parameter, 404 for an unknown id, always as JSON {example}, with the message in Italian and the parameter at fault.',
	caching:
		'Caching: every HSDS response has an ETag and, when known, Last-Modified. Repeat the request with If-None-Match (or If-Modified-Since) to get 304 when nothing changed.',
	cors: 'CORS: responses are open to every origin (Access-Control-Allow-Origin: *), so web pages can use them too.',
	profileTitle: 'Piazza’s HSDS profile',
	profileIntro: 'How Piazza applies HSDS 3.1:',
	profilePublished:
		'Only services with status “active” are published, with the organizations offering at least one and their locations; taxonomies are published whole.',
	profileForms:
		'Lists give the one-to-one fields (with the organization, for services); full=true gives complete records; minimal=true gives only each service’s id and last_modified, all in one page.',
	profileModified:
		'last_modified is the latest change of the service, its organization or its locations; modified_after filters on it.',
	profileExtensions:
		'Extra fields (x_ extensions, which HSDS allows): on the service x_slug (the page /servizi/<slug>), x_audience_description, x_how_to_access, x_what_you_need, x_what_you_get, x_timing, x_channel, x_keywords, x_source, x_curated; on the location x_municipio, x_nil_id, x_nil_name.',
	profileTaxonomies:
		'Classification: attributes with terms of the “aree-di-bisogno” taxonomy (areas and sub-categories) and of “destinatari” (audiences); taxonomies of imported directories stay as external taxonomies.',
	profileValidation:
		'Every response is checked in the tests against the official HSDS 3.1 JSON Schemas; /service_at_locations/{id} against the service_at_location schema (the official document points at the service schema by mistake).',
	parameters: 'Parameters',
	parametersCaption: 'Parameters of {operation}',
	parameter: 'Name',
	where: 'In',
	type: 'Type',
	description: 'Description',
	required: 'required',
	responses: 'Responses',
	schema: 'schema: {label}',
	example: 'Example'
};

const dictionaries: Record<Lang, Record<ApiMessageKey, string>> = { it, en };

export function at(lang: Lang, key: ApiMessageKey, params: Record<string, string | number> = {}): string {
	return interpolate(dictionaries[lang][key], params);
}
