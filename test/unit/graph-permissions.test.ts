/**
 * The Graph permissions the gateway needs, against its app token's `roles`: what /ready and the
 * start-up log name when one lacks, and the README's list of them against the code. The real
 * token from the emulator's Entra is test/process/readiness.test.ts.
 */
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { Readiness, readinessAnswer } from '../../packages/gateway/src/server/readiness.js';
import {
  GRAPH_PERMISSION_NEEDS,
  graphRolesOf,
  missingGraphPermissions,
} from '../../packages/graph-client/src/credentials/graph-permissions.js';
import { GraphTokenCheck } from '../../packages/graph-client/src/credentials/token-check.js';
import { staticTokenSource } from '../../packages/graph-client/src/credentials/token-source.js';
import { memoryLogger } from '../helpers/memory-logger.js';

/** What the README said before: PrintJob.ReadWriteBasic.All is not enough for redirect. */
const WITHOUT_MANAGE = [
  'PrintTaskDefinition.ReadWrite.All',
  'PrintJob.ReadWriteBasic.All',
  'Printer.Read.All',
];

const appToken = (roles: string[]) =>
  new SignJWT({ roles, idtyp: 'app', aud: 'https://graph.microsoft.com' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('not-verified-by-the-gateway-0123456789'));

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const permissionNames = (text: string) =>
  [...text.matchAll(/`([A-Za-z]+\.[A-Za-z.]+)`/g)].map(([, name]) => name as string);

/** The permissions the README tells an admin to grant; an "(or …)" aside grants nothing. */
function readmePermissions(): string[] {
  const sentence = README.split('The app needs the Graph application permissions')[1] ?? '';
  return permissionNames((sentence.split(';')[0] ?? '').replace(/\([^)]*\)/g, ''));
}

/** The README's table: the permissions of each row's first column, any one of which will do. */
function readmeTable(): string[][] {
  const table = README.split('| Graph application permission (any one of a row) |')[1] ?? '';
  return (table.split('\n\n')[0] ?? '')
    .split('\n')
    .slice(2)
    .filter((line) => line.startsWith('| `'))
    .map((row) => permissionNames(row.split('|')[1] ?? '').sort());
}

describe('missingGraphPermissions', () => {
  it('names PrintJob.Manage.All, for redirectPrintJob and releasePrintJobs, when the token has only ReadWriteBasic', () => {
    expect(missingGraphPermissions(WITHOUT_MANAGE)).toEqual([
      { anyOf: ['PrintJob.Manage.All'], operations: ['redirectPrintJob', 'releasePrintJobs'] },
    ]);
  });

  it('finds nothing missing in what the README tells an admin to grant', () => {
    const granted = readmePermissions();
    expect(granted).toContain('PrintJob.Manage.All');
    expect(missingGraphPermissions(granted)).toEqual([]);
  });

  it('is the README table, row for row', () => {
    const needs = GRAPH_PERMISSION_NEEDS.map(({ anyOf }) => [...anyOf].sort());
    expect(readmeTable().sort()).toEqual(needs.sort());
  });

  it('names only operations the schema has', () => {
    const schema = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
    for (const { operations } of GRAPH_PERMISSION_NEEDS) {
      for (const operation of operations) {
        const field = operation.split('.').at(-1) as string;
        expect(schema, operation).toMatch(new RegExp(`^\\s+${field}[(:]`, 'm'));
      }
    }
  });

  it('reads roles from an app token without verifying it, and nothing from an opaque one', async () => {
    expect(graphRolesOf(await appToken(WITHOUT_MANAGE))).toEqual(WITHOUT_MANAGE);
    expect(graphRolesOf('emulator-gateway-app-token')).toBeUndefined();
  });
});

describe('/ready and the log when the Graph token lacks a permission', () => {
  async function checked(token: string) {
    vi.useFakeTimers();
    const { logger, lines } = memoryLogger();
    const check = new GraphTokenCheck(
      staticTokenSource(token).obtain,
      {
        intervalMs: 1_000,
        retryMaxMs: 1_000,
      },
      logger,
    );
    check.start();
    await vi.advanceTimersByTimeAsync(0);
    return { check, lines, answer: () => readinessAnswer(new Readiness(check)) };
  }

  it('stays ready and names the permission and its operations, logged once with a stable code', async () => {
    const { check, lines, answer } = await checked(await appToken(WITHOUT_MANAGE));
    expect(answer()).toEqual({
      status: 200,
      body: {
        status: 'ready',
        graphPermissions: {
          code: 'GRAPH_PERMISSIONS_MISSING',
          missing: [
            {
              anyOf: ['PrintJob.Manage.All'],
              operations: ['redirectPrintJob', 'releasePrintJobs'],
            },
          ],
        },
      },
    });
    // Checks go on every interval; the line is not repeated while nothing changes.
    await vi.advanceTimersByTimeAsync(3_500);
    const warned = lines.filter((line) => line['code'] === 'GRAPH_PERMISSIONS_MISSING');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({
      level: 'warn',
      missing: [{ anyOf: ['PrintJob.Manage.All'] }],
    });
    check.stop();
    vi.useRealTimers();
  });

  it('says nothing more than ready when every need is met', async () => {
    const { check, lines, answer } = await checked(
      await appToken([...WITHOUT_MANAGE, 'PrintJob.Manage.All']),
    );
    expect(answer()).toEqual({ status: 200, body: { status: 'ready' } });
    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
    check.stop();
    vi.useRealTimers();
  });
});
