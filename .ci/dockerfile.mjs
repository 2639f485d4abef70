// Reads the facts .ci/run checks and mirrors from ./Dockerfile, so that the image and CI cannot
// drift apart silently: `node .ci/dockerfile.mjs <field> [name]`.
//   node-image        the default of `ARG NODE_IMAGE` (one line)
//   froms             the image of every FROM (one a line)
//   env               the runtime stage's ENV, NAME=value one a line
//   expose | user     the runtime stage's EXPOSE ports / USER
//   entrypoint | cmd | healthcheck
//                     the runtime stage's exec-form arrays, NUL-separated (for `mapfile -d ''`)
//   copies            the runtime stage's COPY instructions in order, one a line:
//                     `<stage or -> <source>... <destination>` (the image's files come from these)
//   npm-ci            the runtime stage's `npm ci ...` command (one line)
import { readFileSync } from 'node:fs';

const [field] = process.argv.slice(2);
const text = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');

// Instructions, with comments dropped and `\` continuations joined.
const instructions = text
  .split('\n')
  .filter((line) => !/^\s*#/.test(line))
  .join('\n')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean)
  .map((line) => {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    return { keyword: keyword.toUpperCase(), rest };
  });

const fail = (message) => {
  console.error(`Dockerfile: ${message}`);
  process.exit(1);
};

const lastFrom = instructions.findLastIndex((i) => i.keyword === 'FROM');
if (lastFrom < 0) fail('no FROM');
const runtime = instructions.slice(lastFrom + 1);
const last = (keyword) => runtime.findLast((i) => i.keyword === keyword)?.rest;

const execForm = (value, what) => {
  try {
    const array = JSON.parse(value ?? '');
    if (Array.isArray(array) && array.length > 0 && array.every((s) => typeof s === 'string')) {
      return array;
    }
  } catch {}
  return fail(`${what} is not in exec form (a JSON array of strings): ${value}`);
};

// `ENV A=1 B=2` (values here never hold spaces or quotes; refuse rather than misread them).
const envPairs = () =>
  runtime
    .filter((i) => i.keyword === 'ENV')
    .flatMap((i) => i.rest.split(/\s+/))
    .map((pair) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*=[^"'\s]*$/.test(pair)) fail(`unsupported ENV form: ${pair}`);
      return pair;
    });

const print = (lines) => process.stdout.write(`${lines.join('\n')}\n`);
const printNul = (array) => process.stdout.write(array.map((s) => `${s}\0`).join(''));

/** `COPY [--from=stage] [--chown=...] src... dest` → `stage-or-- src... dest`. */
const copies = () =>
  runtime
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const words = i.rest.split(/\s+/);
      const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length) ?? '-';
      const paths = words.filter((w) => !w.startsWith('--'));
      if (paths.length < 2 || paths.some((w) => /[*?[]/.test(w)))
        fail(`unsupported COPY: ${i.rest}`);
      return [from, ...paths].join(' ');
    });

switch (field) {
  case 'node-image': {
    const arg = instructions.find((i) => i.keyword === 'ARG' && i.rest.startsWith('NODE_IMAGE='));
    if (!arg) fail('no ARG NODE_IMAGE=...');
    print([arg.rest.slice('NODE_IMAGE='.length)]);
    break;
  }
  case 'copies':
    print(copies());
    break;
  case 'npm-ci': {
    const commands = runtime
      .filter((i) => i.keyword === 'RUN')
      .flatMap((i) => i.rest.replace(/^--mount=\S+\s+/, '').split('&&'))
      .map((command) => command.trim())
      .filter((command) => command.startsWith('npm ci'));
    if (commands.length !== 1)
      fail(`expected one npm ci in the runtime stage, found ${commands.length}`);
    print(commands);
    break;
  }
  case 'froms':
    print(instructions.filter((i) => i.keyword === 'FROM').map((i) => i.rest.split(/\s+/)[0]));
    break;
  case 'env':
    print(envPairs());
    break;
  case 'expose':
    print((last('EXPOSE') ?? '').split(/\s+/).filter(Boolean));
    break;
  case 'user':
    print([last('USER') ?? 'root']);
    break;
  case 'entrypoint':
    printNul(execForm(last('ENTRYPOINT'), 'ENTRYPOINT'));
    break;
  case 'cmd':
    printNul(execForm(last('CMD'), 'CMD'));
    break;
  case 'healthcheck': {
    const check = last('HEALTHCHECK');
    const at = check?.indexOf(' CMD ') ?? -1;
    if (!check || at < 0) fail('no HEALTHCHECK ... CMD [...]');
    printNul(execForm(check.slice(at + ' CMD '.length).trim(), 'HEALTHCHECK CMD'));
    break;
  }
  default:
    fail(`unknown field '${field}'`);
}
