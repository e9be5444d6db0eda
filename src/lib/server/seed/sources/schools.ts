/**
 * Schools of Milan -> one service per school site, area "Scuola" / "Scuole" (the adult-education
 * centres of the CPIA also under "Servizi per il lavoro" / "Formazione e aggiornamento").
 *
 * Two registers are merged on the MIUR school code: the MIUR registry 2016/17 (state and
 * non-state schools, geocoded by the DAF team) is the base; the Città Metropolitana list of
 * state schools (about 2021) adds phone numbers and the state sites MIUR lacks. Sites inside
 * prisons are left out: families cannot use them.
 */
import { parseCsv } from '../csv.ts';
import type { Point, SeedContext } from '../context.ts';
import type { OrganizationDraft, ServiceDraft } from '../hsds.ts';
import { SCUOLE_INFANZIA_COMUNALI } from '../organizations.ts';
import { fixMojibake, normalizeEmail, normalizePhone, normalizeUrl, parseDecimal, present, titleCase } from '../text.ts';

export const MIUR_SOURCE = 'miur-anagrafe-scuole-2016-17';
export const CITTA_METROPOLITANA_SOURCE = 'citta-metropolitana-milano-scuole-statali';

type Level = 'infanzia' | 'primaria' | 'primo-grado' | 'secondo-grado' | 'adulti';

type LevelInfo = {
	label: string;
	audiences: string[];
	minimumAge?: number;
	maximumAge?: number;
	keywords: string[];
	subcategories: string[];
};

const LEVELS: Record<Level, LevelInfo> = {
	infanzia: {
		label: "Scuola dell'infanzia",
		audiences: ['bambini-3-6', 'genitori'],
		minimumAge: 3,
		maximumAge: 6,
		keywords: ['asilo', 'scuola materna', 'materna', "scuola dell'infanzia", 'infanzia'],
		subcategories: ['scuole']
	},
	primaria: {
		label: 'Scuola primaria',
		audiences: ['minori-6-14', 'genitori'],
		minimumAge: 6,
		maximumAge: 11,
		keywords: ['scuola elementare', 'elementari', 'primaria'],
		subcategories: ['scuole']
	},
	'primo-grado': {
		label: 'Scuola secondaria di primo grado',
		audiences: ['minori-6-14', 'genitori'],
		minimumAge: 11,
		maximumAge: 14,
		keywords: ['scuola media', 'medie', 'secondaria di primo grado'],
		subcategories: ['scuole']
	},
	'secondo-grado': {
		label: 'Scuola secondaria di secondo grado',
		audiences: ['adolescenti-giovani', 'genitori'],
		minimumAge: 14,
		keywords: ['scuola superiore', 'superiori', 'liceo', 'istituto tecnico', 'istituto professionale'],
		subcategories: ['scuole']
	},
	adulti: {
		label: "Centro per l'istruzione degli adulti",
		audiences: ['adulti', 'stranieri'],
		minimumAge: 16,
		keywords: ['CPIA', 'corsi di italiano', 'italiano per stranieri', 'licenza media', 'scuola per adulti'],
		subcategories: ['corsi-universita', 'formazione-aggiornamento']
	}
};

/** MIUR school types -> level and, for upper secondary schools, the readable kind of school. */
const MIUR_TYPES: Record<string, { level: Level; kind?: string }> = {
	'SCUOLA INFANZIA': { level: 'infanzia' },
	'SCUOLA INFANZIA NON STATALE': { level: 'infanzia' },
	'SCUOLA PRIMARIA': { level: 'primaria' },
	'SCUOLA PRIMARIA NON STATALE': { level: 'primaria' },
	'SCUOLA PRIMO GRADO': { level: 'primo-grado' },
	'SCUOLA SEC. PRIMO GRADO NON STATALE': { level: 'primo-grado' },
	'SCUOLA SEC. SECONDO GRADO NON STATALE': { level: 'secondo-grado' },
	'LICEO SCIENTIFICO': { level: 'secondo-grado', kind: 'Liceo scientifico' },
	'LICEO CLASSICO': { level: 'secondo-grado', kind: 'Liceo classico' },
	'LICEO ARTISTICO': { level: 'secondo-grado', kind: 'Liceo artistico' },
	'ISTITUTO MAGISTRALE': { level: 'secondo-grado', kind: 'Istituto magistrale' },
	'ISTITUTO TECNICO INDUSTRIALE': { level: 'secondo-grado', kind: 'Istituto tecnico industriale' },
	'ISTITUTO TECNICO COMMERCIALE': { level: 'secondo-grado', kind: 'Istituto tecnico commerciale' },
	'ISTITUTO TECNICO PER IL TURISMO': { level: 'secondo-grado', kind: 'Istituto tecnico per il turismo' },
	'ISTITUTO TECNICO PER GEOMETRI': { level: 'secondo-grado', kind: 'Istituto tecnico per geometri' },
	'IST TEC COMMERCIALE E PER GEOMETRI': { level: 'secondo-grado', kind: 'Istituto tecnico commerciale e per geometri' },
	"ISTITUTO TECNICO PER ATTIVITA' SOCIALI (GIA' ITF)": { level: 'secondo-grado', kind: 'Istituto tecnico per le attività sociali' },
	'IST PROF PER I SERVIZI COMMERCIALI': { level: 'secondo-grado', kind: 'Istituto professionale per i servizi commerciali' },
	'IST PROF PER I SERVIZI COMMERCIALI E TURISTICI': { level: 'secondo-grado', kind: 'Istituto professionale per i servizi commerciali e turistici' },
	'IST PROF INDUSTRIA E ARTIGIANATO': { level: 'secondo-grado', kind: "Istituto professionale per l'industria e l'artigianato" },
	'IST PROF PER I SERVIZI ALBERGHIERI E RISTORAZIONE': { level: 'secondo-grado', kind: 'Istituto professionale per i servizi alberghieri e della ristorazione' },
	"IST PROF PER L'AGRICOLTURA E L'AMBIENTE": { level: 'secondo-grado', kind: "Istituto professionale per l'agricoltura e l'ambiente" }
};

/** Upper secondary kinds by the letters 3-4 of the MIUR code ("MIPS6D500I": liceo scientifico). */
const CODE_KINDS: Record<string, string> = {
	PC: 'Liceo classico',
	PS: 'Liceo scientifico',
	PL: 'Liceo linguistico',
	PM: 'Liceo delle scienze umane',
	SL: 'Liceo artistico',
	SD: 'Liceo artistico',
	TD: 'Istituto tecnico economico',
	TF: 'Istituto tecnico tecnologico',
	TL: 'Istituto tecnico per geometri',
	TN: 'Istituto tecnico',
	RC: 'Istituto professionale per i servizi commerciali',
	RI: "Istituto professionale per l'industria e l'artigianato",
	RH: 'Istituto professionale per i servizi alberghieri e della ristorazione'
};

function kindFromCode(code: string): string | undefined {
	return CODE_KINDS[code.slice(2, 4)];
}

/** Città Metropolitana "Denominazione" prefixes ("L. Scientifico - Russell") -> readable kind. */
const CM_KINDS: [RegExp, string][] = [
	[/^L\.\s*Scientifico ad indirizzo Sportivo/i, 'Liceo scientifico a indirizzo sportivo'],
	[/^L\.\s*Scientifico/i, 'Liceo scientifico'],
	[/^L\.\s*Classico/i, 'Liceo classico'],
	[/^L\.\s*Linguistico/i, 'Liceo linguistico'],
	[/^L\.\s*Scienze Umane/i, 'Liceo delle scienze umane'],
	[/^L\.\s*Artistico/i, 'Liceo artistico'],
	[/^L\.\s*Musicale/i, 'Liceo musicale e coreutico'],
	[/^I\.\s*T\.\s*Economico e tecnologico/i, 'Istituto tecnico economico e tecnologico'],
	[/^I\.\s*T\.\s*Economico/i, 'Istituto tecnico economico'],
	[/^I\.\s*T\.\s*Tecnologico/i, 'Istituto tecnico tecnologico'],
	[/^I\.\s*P\.\s*Servi[zc]?i?,?\s*Industria/i, 'Istituto professionale per i servizi, l’industria e l’artigianato'],
	[/^I\.\s*P\.\s*Servi/i, 'Istituto professionale per i servizi'],
	[/^I\.\s*P\.\s*Industria/i, "Istituto professionale per l'industria e l'artigianato"]
];

export type SchoolSources = { miurCsv: string; cittaMetropolitanaCsv: string };

type CmRow = Record<string, string>;

export function convertSchools(sources: SchoolSources, ctx: SeedContext): ServiceDraft[] {
	const miur = parseCsv(sources.miurCsv, { delimiter: ';' });
	const cm = parseCsv(sources.cittaMetropolitanaCsv, { delimiter: ',' })
		.filter((r) => r.Comune === 'MILANO')
		.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fixMojibake(v)])) as CmRow);
	const cmByCode = new Map(cm.map((r) => [r.Codice!, r]));
	const drafts: ServiceDraft[] = [];
	const miurCodes = new Set<string>();

	for (const row of miur) {
		const code = row.CODICESCUOLA!;
		miurCodes.add(code);
		const declared = MIUR_TYPES[row.DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA!];
		if (!declared) throw new Error(`Tipo di scuola sconosciuto: ${row.DESCRIZIONETIPOLOGIAGRADOISTRUZIONESCUOLA}`);
		const type = declared.level === 'secondo-grado' && !declared.kind ? { ...declared, kind: kindFromCode(code) } : declared;
		const cmRow = cmByCode.get(code);
		const point =
			pointIn(ctx, parseDecimal(row.Lat), parseDecimal(row.Long)) ??
			(cmRow ? pointIn(ctx, parseDecimal(cmRow.coorY), parseDecimal(cmRow.coorX)) : undefined);
		if (!point) continue; // geocoded outside Milan (SOURCES.md: 2 known errors)
		const state = row.bStatale === 'True';
		const rawName = cleanSchoolName(row.DENOMINAZIONESCUOLA!);
		const address = readableAddress(row.INDIRIZZOSCUOLA!);
		const email = normalizeEmail(row.INDIRIZZOEMAILSCUOLA);
		const municipal = !state && (/COMUNALE/i.test(row.DENOMINAZIONESCUOLA!) || /@comune\.milano\.it$/i.test(email ?? ''));
		const hospital = /OSPEDALIER/i.test(row.DESCRIZIONECARATTERISTICASCUOLA ?? '');
		const organization = state
			? instituteOrganization(row.CODICEISTITUTORIFERIMENTO!, row.DENOMINAZIONEISTITUTORIFERIMENTO!, email, normalizeUrl(row.SITOWEBSCUOLA))
			: municipal
				? SCUOLE_INFANZIA_COMUNALI
				: {
						key: `scuola:${code}`,
						name: schoolName(type.level, type.kind, rawName),
						description: `Scuola non statale di Milano (codice meccanografico ${code}).`,
						website: normalizeUrl(row.SITOWEBSCUOLA),
						email
					};
		const phone = cmRow ? cmPhone(cmRow) : undefined;
		drafts.push(
			schoolDraft({
				key: `miur:${code}`,
				code,
				level: type.level,
				kind: type.kind,
				rawName,
				state,
				municipal,
				hospital,
				organization,
				address,
				postalCode: ctx.postalCode(address, point, row.CAPSCUOLA),
				point,
				email,
				url: normalizeUrl(row.SITOWEBSCUOLA),
				phone,
				source: MIUR_SOURCE
			})
		);
	}

	for (const row of cm) {
		const code = row.Codice!;
		if (miurCodes.has(code) || /carcerari/i.test(row.Denominazione!)) continue;
		const point = pointIn(ctx, parseDecimal(row.coorY), parseDecimal(row.coorX));
		if (!point) continue;
		const { level, kind, name: rawName } = parseCmName(row.Tipologia!, row.Denominazione!);
		const address = readableAddress(`${row.Indirizzo} ${row.Civico ?? ''}`);
		const email = normalizeEmail(row['Indirizzo E-Mail sede corsi']) ?? normalizeEmail(row['Indirizzo E-Mail Autonomia']);
		const instituteCode = row['Codice sede di direttivo'] || row['Codice sede riferimento']!;
		drafts.push(
			schoolDraft({
				key: `citta-metropolitana:${code}`,
				code,
				level,
				kind,
				rawName,
				state: true,
				municipal: false,
				hospital: /ospedalier/i.test(row.Denominazione!),
				organization:
					level === 'adulti'
						? CPIA_MILANO
						: instituteOrganization(instituteCode, row['Denominazione sede direttivo']!, email, undefined),
				address,
				postalCode: ctx.postalCode(address, point, row.CAP),
				point,
				email,
				url: undefined,
				phone: cmPhone(row),
				source: CITTA_METROPOLITANA_SOURCE
			})
		);
	}
	return drafts;
}

const CPIA_MILANO: OrganizationDraft = {
	key: 'istituto:CPIA-MILANO',
	name: 'CPIA Milano – Centro Provinciale per l’Istruzione degli Adulti',
	description:
		"L'istituzione scolastica statale che organizza a Milano i corsi per adulti: italiano per stranieri, licenza media e percorsi di istruzione di base."
};

type SchoolFacts = {
	key: string;
	code: string;
	level: Level;
	kind: string | undefined;
	rawName: string;
	state: boolean;
	municipal: boolean;
	hospital: boolean;
	organization: OrganizationDraft;
	address: string;
	postalCode: string;
	point: Point;
	email: string | undefined;
	url: string | undefined;
	phone: string | undefined;
	source: string;
};

function schoolDraft(s: SchoolFacts): ServiceDraft {
	const info = LEVELS[s.level];
	const name = schoolName(s.level, s.kind, s.rawName);
	const status = s.state ? 'statale' : s.municipal ? 'comunale' : 'non statale (paritaria o privata)';
	const kindText = (s.kind ?? info.label).toLowerCase();
	const sentences = [
		s.hospital
			? `Sezione di ${kindText} ${s.state ? 'statale' : ''} che funziona all'interno di una struttura ospedaliera, per bambini e ragazzi ricoverati.`.replace('  ', ' ')
			: `${capital(kindText)} ${status} in ${s.address}.`,
		s.state && s.organization.name !== name ? `Fa parte di: ${s.organization.name}.` : undefined,
		LEVEL_TEXT[s.level]
	].filter(Boolean);
	const howTo =
		s.level === 'adulti'
			? "Rivolgersi alla segreteria della sede per il colloquio di accoglienza e l'iscrizione ai corsi."
			: s.state && s.level !== 'infanzia'
				? "Le iscrizioni alla prima classe si presentano online nel periodo fissato ogni anno dal Ministero dell'Istruzione e del Merito; per informazioni rivolgersi alla segreteria della scuola."
				: s.municipal
					? "Le iscrizioni alle scuole dell'infanzia comunali si presentano al Comune di Milano nel periodo indicato ogni anno sul sito del Comune; per informazioni chiamare lo 020202."
					: "Per iscrizioni, visite e informazioni rivolgersi direttamente alla segreteria della scuola.";
	return {
		key: s.key,
		name,
		description: sentences.join(' '),
		organization: s.organization,
		location: {
			name,
			address: s.address,
			postalCode: s.postalCode,
			latitude: s.point.latitude,
			longitude: s.point.longitude,
			externalIdentifier: s.code,
			externalIdentifierType: 'codice-meccanografico-miur'
		},
		url: s.url,
		email: s.email,
		phones: s.phone ? [{ number: s.phone, description: s.state ? 'Segreteria' : undefined }] : [],
		feesDescription: s.state
			? "La frequenza della scuola statale è gratuita; possono esserci costi per mensa, materiali e contributi volontari."
			: s.municipal
				? 'La frequenza è gratuita; la refezione scolastica si paga con tariffe legate all’ISEE.'
				: 'Rette e costi: chiedere alla scuola.',
		minimumAge: info.minimumAge,
		maximumAge: info.maximumAge,
		subcategories: info.subcategories,
		audiences: info.audiences,
		x_source: s.source,
		x_audience_description: AUDIENCE_TEXT[s.level],
		x_how_to_access: howTo,
		x_what_you_get: WHAT_YOU_GET[s.level],
		x_channel: 'physical',
		x_keywords: [...info.keywords, ...(s.kind ? [s.kind.toLowerCase()] : []), ...(s.municipal ? ['scuola comunale'] : [])]
	};
}

const LEVEL_TEXT: Record<Level, string> = {
	infanzia:
		"Accoglie bambine e bambini dai 3 ai 6 anni: gioco, relazioni e prime esperienze di apprendimento prima della scuola primaria.",
	primaria: 'Primo ciclo di istruzione: cinque anni, per bambine e bambini dai 6 agli 11 anni.',
	'primo-grado': "La scuola media: tre anni, dagli 11 ai 14 anni, che si concludono con l'esame di Stato del primo ciclo.",
	'secondo-grado': "Scuola superiore per ragazze e ragazzi dai 14 anni, fino al diploma di Stato.",
	adulti:
		"Organizza per gli adulti, anche stranieri, corsi di lingua italiana e percorsi per ottenere la licenza media e le competenze di base."
};

const AUDIENCE_TEXT: Record<Level, string> = {
	infanzia: 'Bambine e bambini dai 3 ai 6 anni e le loro famiglie.',
	primaria: 'Bambine e bambini dai 6 agli 11 anni e le loro famiglie.',
	'primo-grado': 'Ragazze e ragazzi dagli 11 ai 14 anni e le loro famiglie.',
	'secondo-grado': 'Ragazze e ragazzi dai 14 anni che hanno concluso la scuola media, e le loro famiglie.',
	adulti: 'Adulti e ragazzi dai 16 anni, italiani e stranieri, che vogliono imparare l’italiano o completare gli studi di base.'
};

const WHAT_YOU_GET: Record<Level, string> = {
	infanzia: "Un posto nella scuola dell'infanzia, con attività educative durante la giornata.",
	primaria: "L'istruzione primaria e, al termine dei cinque anni, l'accesso alla scuola secondaria di primo grado.",
	'primo-grado': "L'istruzione secondaria di primo grado e il diploma conclusivo del primo ciclo.",
	'secondo-grado': 'Un percorso di studi che porta al diploma di Stato.',
	adulti: 'Corsi di italiano con certificazione del livello raggiunto e percorsi per il titolo di studio del primo ciclo.'
};

function capital(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function pointIn(ctx: SeedContext, latitude: number | undefined, longitude: number | undefined): Point | undefined {
	if (latitude === undefined || longitude === undefined) return undefined;
	const point = { latitude, longitude };
	return ctx.inMilan(point) ? point : undefined;
}

/** "VIA VITERBO - MILANO", "GATTAMELATA/MILANO", 'SCUOLA DELL\'INFANZIA "SAN GIOACHIMO"' -> readable. */
export function cleanSchoolName(value: string): string {
	return titleCase(
		value
			.replace(/\s*[-/]\s*MILANO\s*$/i, '')
			.replace(/["“”]/g, '')
			.replace(/\bELEM\.\s*/gi, 'ELEMENTARE ')
			.replace(/\bPAR(IF)?\.\s*/gi, 'PARITARIA ')
			.replace(/\bS\.M\.S\.\s*/gi, '')
			.replace(/^INFANZIA\s*-\s*/i, '')
			.replace(/(\p{L})(\d)/gu, '$1 $2')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

const STREET = /^(Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Alzaia|Ripa|Bastioni|Strada|P\.zza|P\.le|V\.le)\b/i;
const ALREADY_TYPED = /\b(cpia|scuol[ae]|liceo|istituto|ite|itis|ipsia|educandato|convitto|asilo|materna|infanzia|primaria|elementare|media|collegio|school|école|ecole|schule|lycée|gymnasium)\b/i;

/** "Scuola primaria Vittorio Locchi", "Scuola primaria di Via Viterbo", or the school's own name when it says what it is. */
export function schoolName(level: Level, kind: string | undefined, rawName: string): string {
	if (kind && !/^(liceo|istituto)\b/i.test(rawName)) return `${kind} ${rawName}`;
	if (ALREADY_TYPED.test(rawName)) return rawName;
	const label = kind ?? LEVELS[level].label;
	return STREET.test(rawName) ? `${label} di ${rawName}` : `${label} ${rawName}`;
}

/** Addresses as "Via Viterbo 31" from "VIA VITERBO 31", "VIA OGLIO25", "Via Cima 15". */
export function readableAddress(value: string): string {
	return titleCase(
		value
			.replace(/(\p{L})(\d)/gu, '$1 $2')
			.replace(/\bN\.\s*(?=\d)/i, '')
			.replace(/\s*,\s*/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	)
		.replace(/^P\.zza\b/i, 'Piazza')
		.replace(/^P\.za\b/i, 'Piazza')
		.replace(/^P\.le\b/i, 'Piazzale')
		.replace(/^Piazz\.le\b/i, 'Piazzale')
		.replace(/^V\.le\b/i, 'Viale')
		.replace(/^C\.so\b/i, 'Corso')
		.replace(/^V\.\s*/i, 'Via ');
}

/** The parent institute of a state school as an organization. */
function instituteOrganization(code: string, rawName: string, email: string | undefined, website: string | undefined): OrganizationDraft {
	const name = instituteName(code, rawName);
	return {
		key: `istituto:${code}`,
		name,
		description: `Istituzione scolastica statale di Milano (codice ${code}) da cui dipendono una o più sedi.`,
		...(website ? { website } : {}),
		...(email && email.startsWith(code.toLowerCase()) ? { email } : {})
	};
}

const INSTITUTE_KINDS: [RegExp, string][] = [
	[/^MIIC/, 'Istituto comprensivo'],
	[/^MIIS/, "Istituto d'istruzione superiore"],
	[/^MIPS/, 'Liceo scientifico'],
	[/^MIPC/, 'Liceo classico'],
	[/^MIPM/, 'Liceo'],
	[/^MISL/, 'Liceo artistico'],
	[/^MIT/, 'Istituto tecnico'],
	[/^MIR/, 'Istituto professionale'],
	[/^MIEE/, 'Circolo didattico'],
	[/^MIMM/, 'Scuola secondaria di primo grado'],
	[/^MI\d/, 'Istituto']
];

/** "IC IQBAL MASIH/MILANO" + MIIC8D000T -> "Istituto comprensivo Iqbal Masih". */
export function instituteName(code: string, rawName: string): string {
	const bare = rawName
		.replace(/\s*[-/]\s*MILANO\s*$/i, '')
		.replace(/["“”]/g, '')
		.replace(/^(ISTITUTO COMPRENSIVO|IST\.\s*COMPR\.|I\.\s*C\.\s*S\.|ICS|I\.\s*C\.|IC|I\.I\.S\.|IIS|IS|I\.S\.)\s+/i, '')
		.replace(/^IC di Milano,?\s*-?\s*/i, '')
		.replace(/(\p{L})(\d)/gu, '$1 $2')
		.trim();
	const readable = titleCase(bare.replace(/^(\p{L})\.(\p{L}{3,})/u, '$1. $2'));
	const kind = INSTITUTE_KINDS.find(([pattern]) => pattern.test(code))?.[1] ?? 'Istituto';
	if (/^(liceo|istituto|educandato|convitto|omnicomprensivo|cpia)/i.test(readable)) return readable;
	return `${kind} ${readable}`;
}

function parseCmName(tipologia: string, denominazione: string): { level: Level; kind: string | undefined; name: string } {
	const text = denominazione.replace(/\s+/g, ' ').trim();
	const kindMatch = CM_KINDS.map(([pattern, kind]) => ({ match: pattern.exec(text), kind })).find((k) => k.match);
	const prefix = kindMatch?.match ?? /^(C\.T\.P\.|Primaria|Secondaria (di )?Primo Grado|Scuola Secondaria di Primo grado|Infanzia)(?=[\s-]|$)/i.exec(text);
	const rest = prefix ? text.slice(prefix[0].length).replace(/^[^-]*?-\s*/, '') : text;
	const name = titleCase(rest.replace(/^[\s-]+/, '').trim() || text);
	if (/^Ctp$/i.test(tipologia)) {
		return { level: 'adulti', kind: undefined, name: `CPIA Milano – ${name.replace(/\s*sede associata\s*/i, ' ').trim()}` };
	}
	if (/Infanzia/i.test(tipologia)) return { level: 'infanzia', kind: undefined, name };
	if (/Primario/i.test(tipologia)) return { level: 'primaria', kind: undefined, name: /^Primaria di /i.test(text) ? `Scuola ${text.charAt(0).toLowerCase()}${text.slice(1)}` : name };
	if (/Primo grado/i.test(tipologia)) return { level: 'primo-grado', kind: undefined, name };
	return { level: 'secondo-grado', kind: kindMatch?.kind, name };
}

/**
 * The Città Metropolitana list pads numbers with zeros ("000266222804" for 02 66222804):
 * strip them and put back the single leading 0 of Italian landlines.
 */
function cmPhone(row: CmRow): string | undefined {
	for (const field of ['Telefono', 'Telefono Sede Autonomia']) {
		const digits = present(row[field])?.replace(/\D/g, '');
		if (!digits) continue;
		const phone = normalizePhone(`0${digits.replace(/^0+/, '')}`);
		if (phone) return phone;
	}
	return undefined;
}
