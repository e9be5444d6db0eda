declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
			/** The input field at fault, for a 400 (shown beside it on /cerca). */
			field?: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			lang: 'it' | 'en';
		}
	}
}

export {};
