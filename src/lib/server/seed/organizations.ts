/** Organizations several sources share (the Comune and its offices). */
import type { OrganizationDraft } from './hsds.ts';

export const COMUNE_DI_MILANO: OrganizationDraft = {
	key: 'comune-di-milano',
	name: 'Comune di Milano',
	description:
		"L'amministrazione comunale della città di Milano: servizi sociali, educativi, per la casa, il lavoro e il tempo libero, organizzati in 9 Municipi. Numero unico per informazioni: 020202.",
	website: 'https://www.comune.milano.it'
};

export const SSPT: OrganizationDraft = {
	key: 'comune-di-milano:sspt',
	name: 'Comune di Milano – Servizio Sociale Professionale Territoriale',
	description:
		'Il servizio sociale del Comune di Milano presente in ogni Municipio: assistenti sociali che accolgono, ascoltano e orientano persone e famiglie e, quando serve, costruiscono con loro un progetto di aiuto.',
	website:
		'https://www.comune.milano.it/aree-tematiche/servizi-sociali/servizio-sociale-professionale-territoriale-sspt'
};

export const SCUOLE_INFANZIA_COMUNALI: OrganizationDraft = {
	key: 'comune-di-milano:scuole-infanzia',
	name: "Comune di Milano – Scuole dell'infanzia comunali",
	description:
		"Le scuole dell'infanzia gestite direttamente dal Comune di Milano, per bambine e bambini dai 3 ai 6 anni.",
	website: 'https://www.comune.milano.it'
};
