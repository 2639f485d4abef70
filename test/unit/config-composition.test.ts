/**
 * Config that flows one way (issue 21): each module owns its piece of the environment beside its
 * code, and packages/gateway/src/config.ts only composes the pieces. These tests pin that shape:
 * the root declares only the process's own variables, every module's piece is composed, and the
 * Graph client's settings stand on their own, their errors reaching the process as ConfigError.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as graphClient from '@universal-print-gateway/graph-client';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../packages/gateway/src/config.js';

/** The variables that are the process's own, not one module's (the brief of issue 21, item 2). */
const ROOT_VARIABLES = [
  'NODE_ENV',
  'LOG_LEVEL',
  'HOST',
  'PORT',
  'EMULATOR_PORT',
  'GATEWAY_SDL_AUTHORIZATION_DIRECTIVES',
  'SHUTDOWN_GRACE_MS',
];

const GATEWAY_SRC = new URL('../../packages/gateway/src/', import.meta.url);
const { GRAPH_ENV, GraphSettingsError, graphSettings, TOKEN_CHECK_ENV, tokenCheckSettings } =
  graphClient;

/** The variables config.ts's schema spells out itself (`NAME: z…`), rather than spreads. */
function declaredByTheRoot(): string[] {
  const source = readFileSync(new URL('config.ts', GATEWAY_SRC), 'utf8');
  const schema = /const env = z\.object\(\{\n([\s\S]*?)\n\}\);/.exec(source)?.[1];
  if (!schema) throw new Error("config.ts's schema (const env = z.object({...})) not found");
  return [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1] as string);
}

/** Every `…_ENV` piece a module exports: the gateway's settings.ts files and the Graph client. */
async function modulePieces(): Promise<Map<string, string[]>> {
  const modules: [string, Record<string, unknown>][] = [['graph-client', graphClient]];
  const settingsFiles = readdirSync(GATEWAY_SRC, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('settings.ts'),
  );
  for (const file of settingsFiles) {
    modules.push([file, await import(new URL(file, GATEWAY_SRC).href)]);
  }
  const pieces = new Map<string, string[]>();
  for (const [where, exports] of modules) {
    for (const [name, value] of Object.entries(exports)) {
      if (name.endsWith('_ENV') && value && typeof value === 'object') {
        pieces.set(`${where}: ${name}`, Object.keys(value));
      }
    }
  }
  return pieces;
}

describe('config.ts only composes', () => {
  it("spells out only the root's own variables, and takes every other one from a module piece", async () => {
    expect(declaredByTheRoot()).toEqual(ROOT_VARIABLES);
    const fromModules = [...(await modulePieces()).values()].flat();
    expect(CONFIG_VARIABLES.filter((name) => !fromModules.includes(name))).toEqual(ROOT_VARIABLES);
  });

  it('composes every module piece, and no variable belongs to two of them', async () => {
    const owners = new Map<string, string[]>();
    for (const [piece, names] of await modulePieces()) {
      for (const name of names) owners.set(name, [...(owners.get(name) ?? []), piece]);
    }
    expect([...owners.keys()].filter((name) => !CONFIG_VARIABLES.includes(name))).toEqual([]);
    expect([...owners].filter(([, pieces]) => pieces.length > 1)).toEqual([]);
  });
});

describe("the Graph client's settings", () => {
  const parse = (source: Record<string, string>) =>
    z.object({ ...GRAPH_ENV, ...TOKEN_CHECK_ENV }).parse(source);

  it('stand alone: defaults, and no Graph named without credentials', () => {
    const vars = parse({});
    expect(graphSettings(vars)).toMatchObject({
      endpoint: null,
      timeoutMs: 10_000,
      maxResponseBytes: 8 * 1024 * 1024,
      service: { deadlineMs: 30_000, maxCallsPerRequest: 500, maxInFlight: 16, batching: true },
    });
    expect(tokenCheckSettings(vars)).toEqual({ intervalMs: 60_000, retryMaxMs: 30_000 });
  });

  it('throw their own error, which loadConfig turns into a ConfigError with the same message', () => {
    const source = { GRAPH_ACCESS_TOKEN: 'tok', GRAPH_BASE_URL: 'http://graph.example.com' };
    const message =
      'GRAPH_BASE_URL must use https (plain http only on loopback, for the emulator): ' +
      'http://graph.example.com';
    let clientError: unknown;
    try {
      graphSettings(parse(source));
    } catch (error) {
      clientError = error;
    }
    expect(clientError).toBeInstanceOf(GraphSettingsError);
    expect(clientError).not.toBeInstanceOf(ConfigError);
    expect((clientError as Error).message).toBe(message);

    let processError: unknown;
    try {
      loadConfig(source);
    } catch (error) {
      processError = error;
    }
    expect(processError).toBeInstanceOf(ConfigError);
    expect(processError).toMatchObject({ message, cause: expect.any(GraphSettingsError) });
  });
});
