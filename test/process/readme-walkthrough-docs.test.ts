/**
 * What the README's walk-through and "Tokens for curl" say, run: the jobs step 1 and step 4 name
 * are the rows the README's own release-screen query answers each person, and the shell helper
 * that fetches tokens gives a token, or fails loudly with the reason.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The text of a `## ` section, up to the next one. */
function section(heading: string): string {
  const rest = readme.split(`\n${heading}\n`)[1] ?? '';
  return rest.split(/\n## /)[0] ?? '';
}

const walkThrough = section('## The pull-print flow in GraphiQL');
const releaseScreen = /```graphql\n([\s\S]*?)```/.exec(walkThrough)?.[1] ?? '';

/** The four-digit job ids a step's paragraph names in backticks. */
function jobsNamed(stepStart: string, stepEnd: string): string[] {
  const text = walkThrough.split(stepStart)[1]?.split(stepEnd)[0] ?? '';
  return [...new Set([...text.matchAll(/`(\d{4})`/g)].map((match) => match[1] ?? ''))].sort();
}

async function rowsOf(caller: 'adele' | 'megan'): Promise<string[]> {
  const { data, errors } = (await env.execute(caller, releaseScreen)) as {
    data?: {
      printTaskDefinitions: { tasks: { edges: { node: { printJob: { id: string } } }[] } }[];
    };
    errors?: unknown;
  };
  expect(errors).toBeUndefined();
  return (data?.printTaskDefinitions ?? [])
    .flatMap((definition) => definition.tasks.edges.map((edge) => edge.node.printJob.id))
    .sort();
}

describe("the README's walk-through", () => {
  it('step 1 names every row the release screen shows Adele', async () => {
    expect(releaseScreen).toContain('query ReleaseScreen');
    expect(jobsNamed('**1. Adele', '```graphql')).toEqual(await rowsOf('adele'));
  });

  it('step 4 names every row the release screen shows Megan', async () => {
    expect(jobsNamed('**4. Megan', 'Run step 3')).toEqual(await rowsOf('megan'));
  });
});

describe("the README's token() helper", () => {
  const tokens = section('## Tokens for curl');
  const setup = /```sh\n([\s\S]*?)```/.exec(tokens)?.[1] ?? '';
  const run = (script: string) =>
    promisify(execFile)('bash', ['-c', `set -e\n${setup}\n${script}`], {
      env: { PATH: process.env['PATH'] ?? '', EMULATOR: env.emulator.url, GATEWAY: env.url },
    });

  it('gives each demo identity a token', async () => {
    const { stdout } = await run('printf "%s\\n" "$ADELE" "$MEGAN" "$STATION"');
    const lengths = stdout
      .trim()
      .split('\n')
      .map((token) => token.length);
    expect(lengths).toHaveLength(3);
    for (const length of lengths) expect(length).toBeGreaterThan(100);
  });

  it('fails, saying why, on a wrong password and on an endpoint that does not answer', async () => {
    const { stdout, stderr } = await run(`
      set +e
      WRONG=$(curl -sS $E -d grant_type=password -d client_id=$RELEASE_APP \\
        -d username=AdeleV@contoso.onmicrosoft.com -d password=wrong -d scope=$API/Print.Release | token)
      echo "wrong:$?:$WRONG"
      NOTHING=$(curl -sS http://127.0.0.1:1/token -d grant_type=password | token)
      echo "unreachable:$?:$NOTHING"`);
    expect(stdout).toContain('wrong:1:\n');
    expect(stdout).toContain('unreachable:1:\n');
    expect(stderr).toMatch(/token\(\): AADSTS50126: Error validating credentials/);
    expect(stderr).toContain('token(): no answer: is npm start running?');
  });
});
