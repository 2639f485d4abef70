// The image contents check (issue 21 item 6): `node .ci/image-contents.mjs <dir>`, where <dir> is
// the runtime stage as .ci/prod-smoke.sh rebuilt it from the Dockerfile. It lists what the stage
// holds and fails on anything but the gateway's bundle, its manifests, its trusted documents and
// its production dependencies: no emulator, no token minting, no GraphiQL, no dev/ entry, no
// source, no source maps, no per-file tsc output.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: node .ci/image-contents.mjs <dir>');

const problems = [];
const files = [];
(function walk(at) {
  for (const name of readdirSync(at)) {
    const path = join(at, name);
    const stat = lstatSync(path);
    if (stat.isDirectory()) walk(path);
    else files.push(relative(dir, path));
  }
})(dir);

const outside = files.filter((file) => !file.startsWith('node_modules/'));
/** What may sit outside node_modules: the Dockerfile's COPYs, nothing else. */
const allowed = [
  /^package(-lock)?\.json$/,
  /^packages\/(gateway|graph-client)\/package\.json$/,
  /^dist\/main\.js$/,
  /^dist\/chunks\/[\w-]+\.js$/,
  /^trusted-documents\/[\w-]+\.json$/,
];
for (const file of outside) {
  if (!allowed.some((pattern) => pattern.test(file)))
    problems.push(`not part of what ships: ${file}`);
}

// Packages only development uses: none may be installed (the emulator's workspace link included).
for (const name of [
  '@universal-print-gateway/emulator',
  '@graphql-yoga/render-graphiql',
  'typescript',
  'tsx',
  'vitest',
  'esbuild',
]) {
  if (existsSync(join(dir, 'node_modules', name)))
    problems.push(`development package installed: ${name}`);
}

// The bundle holds no development code: each marker is a function, route or import of the
// emulator or dev/ (and is checked to be there, so the check cannot pass by a rename).
const MARKERS = [
  [/\bstartEmulator\b/, 'packages/emulator/src/server.ts'],
  [/\bEMULATOR_TOKENS\b/, 'packages/emulator/src/seed.ts'],
  [/\bemulatedEntraSettings\b/, 'packages/emulator/src/entra/entra-seed.ts'],
  [/\/_emulator\//, 'packages/emulator/src/admin.ts'],
  [/\bcreateGraphiQLSignIn\b/, 'packages/gateway/dev/graphiql-sign-in.ts'],
  [/["']@graphql-yoga\/render-graphiql["']/, 'packages/gateway/dev/graphiql.ts'],
];
const bundle = outside
  .filter((file) => file.startsWith('dist/'))
  .map((file) => [file, readFileSync(join(dir, file), 'utf8')]);
for (const [marker, source] of MARKERS) {
  if (!marker.test(readFileSync(source, 'utf8'))) {
    problems.push(`marker ${marker} no longer appears in ${source}: update this check`);
  }
  for (const [file, text] of bundle) {
    if (marker.test(text)) problems.push(`${file} contains development code (${marker})`);
  }
}

// Every package the bundle still imports (its lazy externals) is installed. The imports are
// read by esbuild's parser (its metafile), not matched in the text: import-like text inside a
// string (GraphQL's error messages, a template) is no import.
const PACKAGE = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*/;
const imported = new Set();
for (const [file] of bundle) {
  const { metafile } = await build({
    entryPoints: [join(dir, file)],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  for (const input of Object.values(metafile.inputs)) {
    for (const { path: specifier, external } of input.imports) {
      if (!external || specifier.startsWith('node:')) continue;
      const name = PACKAGE.exec(specifier)?.[0];
      if (!name || builtinModules.includes(name)) continue;
      imported.add(name);
    }
  }
}
for (const name of imported) {
  if (!existsSync(join(dir, 'node_modules', name, 'package.json')))
    problems.push(`the bundle imports ${name}, which is not installed`);
}

if (problems.length > 0) {
  console.error(`image contents: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const dist = bundle.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
console.log(
  `  -- image contents: ${outside.length} files outside node_modules (${outside.join(', ')}); ` +
    `dist ${(dist / 1e6).toFixed(1)} MB; packages the bundle imports, all installed: ${[...imported].sort().join(', ')}; ` +
    `${files.length - outside.length} files in node_modules; no emulator, GraphiQL or dev/`,
);
