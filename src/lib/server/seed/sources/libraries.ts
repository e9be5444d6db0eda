/**
 * Libraries from the national registry (ICCU "Anagrafe delle biblioteche italiane", 2018, as
 * processed by the DAF team). Despite `comune = Milano`, about a third of the rows lie in other
 * towns and are dropped by the boundary test; libraries with restricted access are left out
 * (families cannot use them). Mapping:
 * - public libraries (the Comune's "biblioteche rionali" and other general libraries open to all) ->
 *   "Spazi di aggregazione" / "Attività educative" and "Tempo libero" / "Corsi e laboratori";
 * - university, academic and other specialised (research) libraries -> "Scuola" / "Corsi e
 *   università": places to study, not to spend free time.
 */
import { parseCsv } from '../csv.ts';
import type { SeedContext } from '../context.ts';
import type { OrganizationDraft, ServiceDraft } from '../hsds.ts';
import { COMUNE_DI_MILANO } from '../organizations.ts';
import { parseDecimal, present, titleCase } from '../text.ts';

export const LIBRARIES_SOURCE = 'iccu-anagrafe-biblioteche-2018';

type Kind = 'public' | 'academic' | 'specialised';

const ACADEMIC = /universit|politecnico|bocconi|cattolica|iulm|accademia di belle arti|conservatorio|istituto di insegnamento superiore/i;

export function libraryKind(row: Record<string, string>): Kind {
	const text = [row['denominazioni.ufficiale'], row.ente, row['tipologia-amministrativa'], row['tipologia-funzionale']].join(' ');
	if (ACADEMIC.test(text)) return 'academic';
	const municipal = row['tipologia-amministrativa'] === 'Comune' || /comunale|civica|rionale/i.test(row['denominazioni.ufficiale'] ?? '');
	const general = row['tipologia-funzionale'] === 'Pubblica' || row['tipologia-funzionale'] === 'Importante non specializzata';
	if (municipal || general) return 'public';
	return 'specialised';
}

export function convertLibraries(csvText: string, ctx: SeedContext): ServiceDraft[] {
	const drafts: ServiceDraft[] = [];
	for (const row of parseCsv(csvText, { delimiter: ';' })) {
		if (row['accesso.riservato'] === 'True') continue;
		const latitude = parseDecimal(row.Lat);
		const longitude = parseDecimal(row.Long);
		if (latitude === undefined || longitude === undefined) continue;
		const point = { latitude, longitude };
		if (!ctx.inMilan(point)) continue;
		const name = present(row['denominazioni.ufficiale'])!;
		const isil = row.codiceIsil!;
		const address = titleCase(present(row['indirizzo.via-piazza']) ?? '');
		if (!address) continue;
		const kind = libraryKind(row);
		const owner = present(row.ente);
		const municipal = owner === 'Comune di Milano' || row['tipologia-amministrativa'] === 'Comune';
		const organization: OrganizationDraft = municipal
			? COMUNE_DI_MILANO
			: owner
				? { key: `ente-biblioteca:${owner.toLowerCase()}`, name: owner, description: `Ente titolare di biblioteche a Milano (anagrafe ICCU).` }
				: { key: `biblioteca:${isil}`, name, description: `Biblioteca di Milano registrata nell'anagrafe nazionale delle biblioteche (codice ISIL ${isil}).` };
		const accessible = row['accesso.portatori-handicap'] === 'True';
		const kindSentence: Record<Kind, string> = {
			public: municipal
				? 'Biblioteca pubblica del Comune di Milano: prestito di libri e altri materiali, lettura e consultazione, spazi per lo studio e iniziative per bambini, ragazzi e adulti.'
				: 'Biblioteca aperta al pubblico per la lettura, la consultazione e lo studio.',
			academic: "Biblioteca universitaria o accademica: raccolte per lo studio e la ricerca, con consultazione e prestito secondo il regolamento dell'ateneo o dell'istituto.",
			specialised: 'Biblioteca specializzata: raccolte da consultare per lo studio e la ricerca, secondo il regolamento della biblioteca.'
		};
		drafts.push({
			key: `${LIBRARIES_SOURCE}:${isil}`,
			name,
			description: `${name}, in ${address}${owner && !municipal ? ` (${owner})` : ''}. ${kindSentence[kind]}`,
			organization,
			location: {
				name,
				address,
				postalCode: ctx.postalCode(address, point),
				latitude,
				longitude,
				externalIdentifier: isil,
				externalIdentifierType: 'isil',
				...(accessible ? { accessibility: 'Accessibile alle persone con disabilità motoria (anagrafe ICCU, 2018).' } : {})
			},
			subcategories:
				kind === 'academic'
					? ['corsi-universita']
					: kind === 'public'
						? ['attivita-educative', 'corsi-laboratori']
						: ['corsi-universita'],
			audiences:
				kind === 'public'
					? ['bambini-3-6', 'minori-6-14', 'adolescenti-giovani', 'adulti', 'anziani']
					: ['adolescenti-giovani', 'adulti'],
			feesDescription: municipal ? 'Iscrizione e prestito gratuiti.' : undefined,
			costs: municipal ? [{ option: 'Iscrizione e prestito', amount: 0 }] : undefined,
			x_source: LIBRARIES_SOURCE,
			x_audience_description:
				kind === 'public'
					? 'Tutti: bambini, ragazzi, adulti e anziani che vogliono leggere, studiare o partecipare alle iniziative della biblioteca.'
					: kind === 'academic'
						? 'Studenti, docenti e ricercatori; il pubblico esterno secondo il regolamento della biblioteca.'
						: 'Studiosi e pubblico interessato ai temi della raccolta.',
			x_how_to_access: municipal
				? "Per il prestito ci si iscrive in biblioteca con un documento d'identità; la tessera vale in tutte le biblioteche comunali di Milano."
				: 'Informarsi presso la biblioteca su orari e condizioni di accesso.',
			x_what_you_need: municipal ? "Un documento d'identità per l'iscrizione." : undefined,
			x_channel: 'physical',
			x_keywords: [
				'biblioteca',
				'libri',
				'lettura',
				'sala studio',
				...(kind === 'public' ? ['prestito libri', 'libri per bambini', 'biblioteca di quartiere'] : []),
				...(kind === 'academic' ? ['università', 'biblioteca universitaria'] : [])
			]
		});
	}
	return drafts;
}
