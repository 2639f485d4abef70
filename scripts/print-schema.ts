/**
 * Writes schema.graphql, the subgraph SDL, and schema.no-auth-directives.graphql, its twin
 * without the authorization directives: `npm run schema`. A test fails when either is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILES } from '../packages/gateway/src/schema/sdl.js';

for (const { file, sdl } of SCHEMA_FILES) {
  writeFileSync(fileURLToPath(new URL(`../${file}`, import.meta.url)), sdl());
  console.log(`wrote ${file}`);
}
