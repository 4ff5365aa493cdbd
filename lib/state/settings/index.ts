/** The settings: declared in schema.ts, migrated by migrations.ts, stored by store.ts, exported by file.ts. */
export * from './schema.ts';
export * from './migrations.ts';
export * from './store.ts';
