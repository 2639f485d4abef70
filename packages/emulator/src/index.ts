/**
 * The emulator as a test kit: start it in-process, and the tokens and identities its tenant is
 * seeded with.
 */
export * from './entra/entra-seed.js';
export * from './seed.js';
export * from './server.js';
