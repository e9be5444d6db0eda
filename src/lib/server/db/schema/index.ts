export * from './directory.ts';
export * from './taxonomy.ts';
export * from './search.ts';
export * from './places.ts';
