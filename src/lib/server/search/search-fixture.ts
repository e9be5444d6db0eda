/**
 * A small directory for the search db tests, written the way services describe themselves
 * (service vocabulary, not the words families type), imported through the normal import path.
 * Each service is placed by coordinates in a known municipio.
 */
import type { Db } from '../db/client.ts';
import { importServices } from '../imports/import-services.ts';
import { uuidV5 } from '../shared/ids.ts';
import { refreshSearchVocabulary } from './refresh-search-vocabulary.ts';

/** A point inside each municipio (from the city's street register). */
const PLACES: Record<number, { lat: number; lon: number; address: string; cap: string }> = {
	1: { lat: 45.465617, lon: 9.204154, address: 'Via Orti 18', cap: '20122' },
	2: { lat: 45.493965, lon: 9.207517, address: 'Via Padova 276', cap: '20132' },
	3: { lat: 45.488117, lon: 9.251036, address: 'Via Illirico 3', cap: '20133' },
	4: { lat: 45.447, lon: 9.25, address: 'Viale Ungheria 4', cap: '20138' },
	5: { lat: 45.410964, lon: 9.170038, address: 'Via Orvieto 4', cap: '20141' },
	6: { lat: 45.425589, lon: 9.15138, address: 'Via Zuara 3', cap: '20146' },
	7: { lat: 45.452548, lon: 9.064909, address: 'Via Roane 5', cap: '20153' },
	8: { lat: 45.496869, lon: 9.113201, address: 'Via Casella 13', cap: '20156' },
	9: { lat: 45.509625, lon: 9.172105, address: 'Via Garigliano 12', cap: '20159' }
};

type Schedule = { byday?: string; opens_at: string; closes_at: string; valid_from?: string; valid_to?: string };

type FixtureService = {
	key: string;
	name: string;
	description: string;
	areas: string[];
	audiences?: string[];
	municipio: number | null;
	free?: boolean;
	status?: 'active' | 'inactive';
	schedules?: Schedule[];
};

const WEEKDAYS = 'MO,TU,WE,TH,FR';

export const FIXTURE_SERVICES: FixtureService[] = [
	{
		key: 'contributo-affitto',
		name: 'Contributo affitto per famiglie in difficoltà',
		description:
			'Contributo economico per il pagamento del canone di locazione destinato ai nuclei familiari in condizione di morosità incolpevole, con ISEE fino a 26.000 euro. La domanda si presenta durante l\'apertura del bando comunale.',
		areas: ['sostegno-economico', 'contributi-assegni'],
		audiences: ['famiglie-tradizionali', 'nuclei-monogenitoriali'],
		municipio: 2,
		free: true,
		schedules: [{ byday: WEEKDAYS, opens_at: '09:00', closes_at: '12:00' }]
	},
	{
		key: 'emergenza-abitativa',
		name: 'Sportello casa – emergenza abitativa',
		description:
			'Orientamento per chi ha ricevuto una convalida di sfratto o ha perso l\'alloggio: verifica dei requisiti per l\'edilizia residenziale pubblica e per i servizi abitativi transitori.',
		areas: ['accoglienza-abitativa', 'housing-sociale'],
		audiences: ['adulti'],
		municipio: 4,
		free: true,
		schedules: [{ byday: 'TU,TH', opens_at: '14:00', closes_at: '17:00' }]
	},
	{
		key: 'nido-girasole',
		name: 'Nido comunale Girasole',
		description:
			'Nido d\'infanzia per bambine e bambini dai 3 mesi ai 3 anni, aperto dalle 7.30 alle 16.30 con possibilità di tempo prolungato. Retta calcolata in base all\'ISEE.',
		areas: ['scuola', 'nidi-micronidi'],
		audiences: ['bambini-0-3'],
		municipio: 5,
		free: false,
		schedules: [{ byday: WEEKDAYS, opens_at: '07:30', closes_at: '16:30' }]
	},
	{
		key: 'micronido-coccinella',
		name: 'Micronido Coccinella',
		description:
			'Piccolo servizio per la prima infanzia con dodici posti, educatrici qualificate e un orto in cortile. Inserimento graduale con la presenza di un genitore.',
		areas: ['scuola', 'nidi-micronidi'],
		audiences: ['bambini-0-3'],
		municipio: 9,
		free: false
	},
	{
		key: 'assistenti-familiari',
		name: 'Assistenti familiari: incontro tra domanda e offerta',
		description:
			'Lo sportello aiuta le famiglie a trovare assistenti familiari qualificate per l\'assistenza a persone anziane o non autosufficienti e accompagna la regolarizzazione del contratto.',
		areas: ['sostegno-a-casa', 'badanti'],
		audiences: ['anziani', 'caregiver'],
		municipio: 3,
		free: true
	},
	{
		key: 'assistenza-domiciliare',
		name: 'Assistenza domiciliare per anziani',
		description:
			'Operatori socio-sanitari aiutano a casa le persone anziane nell\'igiene personale, nella preparazione dei pasti e nelle piccole commissioni.',
		areas: ['sostegno-a-casa', 'assistenza-alla-persona'],
		audiences: ['anziani'],
		municipio: 6,
		free: false
	},
	{
		key: 'consultorio',
		name: 'Consultorio familiare Lorenteggio',
		description:
			'Ginecologia, ostetricia, contraccezione e corsi di accompagnamento alla nascita; colloqui con psicologo per coppie e genitori.',
		areas: ['salute-e-prevenzione', 'consultori'],
		audiences: ['donne', 'genitori'],
		municipio: 6,
		free: true
	},
	{
		key: 'servizio-sociale',
		name: 'Servizio Sociale Professionale Territoriale Municipio 1',
		description:
			'L\'assistente sociale ascolta la richiesta, valuta la situazione e attiva gli interventi: sostegni economici, assistenza a domicilio, tutela dei minori.',
		areas: ['informazioni', 'orientamento-servizi-sociali'],
		audiences: ['famiglie-tradizionali', 'adulti', 'anziani'],
		municipio: 1,
		free: true,
		schedules: [{ byday: WEEKDAYS, opens_at: '09:00', closes_at: '12:30' }]
	},
	{
		key: 'accoglienza-notturna',
		name: 'Accoglienza notturna Casa della Notte',
		description:
			'Posti letto per persone senza dimora: cena, doccia e colazione. Accesso su segnalazione dei servizi o diretto nelle notti di emergenza freddo.',
		areas: ['accoglienza-abitativa', 'housing-sociale', 'informazioni', 'emergenze-sociali'],
		audiences: ['adulti'],
		municipio: 8,
		free: true,
		schedules: [{ byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '20:00', closes_at: '08:00' }]
	},
	{
		key: 'centro-estivo',
		name: 'Centro estivo Piccoli Esploratori',
		description:
			'Settimane di giochi, laboratori e gite per ragazze e ragazzi della scuola primaria durante la chiusura estiva delle scuole.',
		areas: ['tempo-libero', 'vacanze-centri-estivi'],
		audiences: ['minori-6-14'],
		municipio: 7,
		free: false,
		schedules: [
			{ byday: WEEKDAYS, opens_at: '08:00', closes_at: '17:00', valid_from: '2026-06-15', valid_to: '2026-08-31' }
		]
	},
	{
		key: 'emporio',
		name: 'Emporio solidale Barona',
		description:
			'Spesa gratuita di generi alimentari e prodotti per l\'igiene con una tessera a punti assegnata dai servizi sociali alle famiglie in difficoltà economica.',
		areas: ['sostegno-economico', 'buoni-voucher'],
		audiences: ['famiglie-tradizionali'],
		municipio: 6,
		free: true
	},
	{
		key: 'consulenza-legale',
		name: 'Consulenza legale gratuita',
		description:
			'Avvocati volontari offrono un primo orientamento su lavoro, famiglia, casa e debiti, e spiegano come chiedere il gratuito patrocinio.',
		areas: ['diritti-e-tutele', 'consulenza-legale'],
		audiences: ['adulti'],
		municipio: 3,
		free: true
	},
	{
		key: 'italiano-stranieri',
		name: 'Corso di lingua italiana per cittadini stranieri',
		description:
			'Lezioni di italiano L2 per adulti di ogni livello, due sere a settimana, con certificazione finale e baby sitting durante le lezioni.',
		areas: ['scuola', 'corsi-universita'],
		audiences: ['stranieri', 'adulti'],
		municipio: 9,
		free: true
	},
	{
		key: 'sportello-lavoro',
		name: 'Sportello lavoro – orientamento e curriculum',
		description:
			'Colloqui di orientamento, scrittura del curriculum e preparazione ai colloqui per persone disoccupate, con segnalazione delle offerte del territorio.',
		areas: ['lavoro', 'orientamento-lavoro'],
		audiences: ['adulti', 'adolescenti-giovani'],
		municipio: 8,
		free: true
	},
	{
		key: 'psicologo-online',
		name: 'Psicologo online a tariffa calmierata',
		description:
			'Colloqui di sostegno psicologico in videochiamata con psicoterapeuti iscritti all\'albo, per ansia, stress e momenti di crisi.',
		areas: ['sostegno-psicologico', 'psicoterapia-counseling'],
		audiences: ['adulti', 'adolescenti-giovani'],
		municipio: null,
		free: false
	},
	{
		key: 'richiedenti-asilo',
		name: 'Accoglienza per richiedenti asilo e rifugiati',
		description:
			'Appartamenti e percorsi di autonomia per richiedenti asilo e titolari di protezione internazionale: corsi di italiano, orientamento al lavoro, accompagnamento ai servizi.',
		areas: ['accoglienza-abitativa', 'housing-sociale'],
		audiences: ['stranieri', 'adulti'],
		municipio: 1,
		free: true
	},
	{
		key: 'nido-chiuso',
		name: 'Nido Arcobaleno (chiuso)',
		description: 'Nido d\'infanzia non più attivo.',
		areas: ['scuola', 'nidi-micronidi'],
		audiences: ['bambini-0-3'],
		municipio: 2,
		status: 'inactive'
	}
];

export const fixtureId = (key: string) => uuidV5(`search-fixture:service:${key}`);
export const FIXTURE_PLACES = PLACES;

function toHsds(s: FixtureService) {
	const id = fixtureId(s.key);
	const place = s.municipio ? PLACES[s.municipio]! : null;
	const term = (taxonomy: string) => (code: string) => ({ taxonomy_term: { code, name: code, taxonomy } });
	return {
		id,
		name: s.name,
		description: s.description,
		status: s.status ?? 'active',
		organization: { id: uuidV5(`search-fixture:organization:${s.key}`), name: `Ente ${s.name}` },
		fees_description: s.free === undefined ? null : s.free ? 'Gratuito' : 'A pagamento',
		cost_options: s.free === false ? [{ amount: 50, currency: 'EUR', option: 'Retta mensile' }] : [],
		attributes: [
			...s.areas.map(term('aree-di-bisogno')),
			...(s.audiences ?? []).map(term('destinatari'))
		],
		schedules: (s.schedules ?? []).map((sc) => ({ freq: 'WEEKLY', ...sc })),
		service_at_locations: place
			? [
					{
						location: {
							id: uuidV5(`search-fixture:location:${s.key}`),
							location_type: 'physical',
							name: s.name,
							latitude: place.lat,
							longitude: place.lon,
							addresses: [
								{
									address_1: place.address,
									city: 'Milano',
									postal_code: place.cap,
									state_province: 'MI',
									country: 'IT',
									address_type: 'physical'
								}
							]
						}
					}
				]
			: []
	};
}

/** Imports the fixture and refreshes the vocabulary; throws when a record is rejected. */
export async function loadSearchFixture(db: Db): Promise<void> {
	const report = await importServices(db, { services: FIXTURE_SERVICES.map(toHsds) });
	if (report.rejected.length > 0) {
		throw new Error(`search fixture rejected: ${JSON.stringify(report.rejected)}`);
	}
	await refreshSearchVocabulary(db);
}
