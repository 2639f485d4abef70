/** Writes schema.graphql, the subgraph SDL: `npm run schema`. A test fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, schemaSdl } from '../src/schema/sdl.js';

const target = fileURLToPath(new URL(`../${SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, schemaSdl());
console.log(`wrote ${SCHEMA_FILE}`);
