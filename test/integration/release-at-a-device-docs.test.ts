/**
 * The README's "The device: where it is, what it can do" steps, run as written against the
 * emulator as Adele: the device's location and capabilities, and colour on the monochrome
 * device refused with only the capability read sent to Graph.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALLERS_OVER_HTTP, useTestGateway } from '../helpers/test-gateway.js';

const env = useTestGateway(CALLERS_OVER_HTTP);

/** One root field of an answer to an untyped document. */
const fieldOf = (answer: { data?: unknown }, field: string) =>
  (answer.data as Record<string, unknown> | null | undefined)?.[field];

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(
  readme.indexOf('\n### The device: where it is, what it can do\n'),
  readme.indexOf('\n## Tokens for curl\n'),
);
/** The section's prose on one line, as wrapping leaves it to be read. */
const prose = section.replace(/\s+/g, ' ');
const [device, colour] = [...section.matchAll(/^```graphql\n([\s\S]*?)^```$/gm)].map(
  (match) => match[1] ?? '',
);

describe('README: the device at a release screen', () => {
  it('shows where the device is and what it can do, as the README says', async () => {
    const answer = await env.execute('adele', device ?? '');
    expect(answer.errors).toBeUndefined();
    const printer = fieldOf(answer, 'printer');
    expect(printer).toMatchObject({
      __typename: 'Printer',
      location: {
        building: 'Contoso HQ',
        floor: '0',
        roomName: 'Reception',
        site: 'Redmond campus',
      },
      capabilities: {
        colorModes: ['BLACK_AND_WHITE'],
        duplexModes: ['ONE_SIDED'],
        copiesPerJob: { start: 1, end: 10 },
      },
    });
    expect(prose).toContain('`colorModes: [BLACK_AND_WHITE]`, `duplexModes: [ONE_SIDED]`');
  });

  it('refuses colour on the monochrome device with the issue the README quotes, nothing sent', async () => {
    const answer = await env.execute('adele', colour ?? '');
    expect(answer.errors).toBeUndefined();
    const issue = {
      path: ['input', 'configuration', 'colorMode'],
      message: 'is not one this printer supports (allowed: blackAndWhite)',
    };
    expect(fieldOf(answer, 'releasePrintJobs')).toMatchObject({
      __typename: 'InvalidInputError',
      code: 'INVALID_INPUT',
      issues: [issue],
    });
    expect(prose).toContain(`\`${issue.path.join('.')}\`: "${issue.message}"`);
    const sent = env.emulator.requests.entries().filter((entry) => entry.via !== 'batch-envelope');
    expect(sent.map((entry) => `${entry.method} ${entry.path}?${entry.query}`)).toEqual([
      'GET /print/printers/0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f63?$select=id,capabilities,defaults',
    ]);
  });
});
