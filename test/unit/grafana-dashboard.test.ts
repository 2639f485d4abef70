/**
 * deploy/grafana against the code: every metric the dashboard's queries read, and every label
 * they group or filter by, must be in what a real gateway exposes, so a renamed metric or label
 * fails here rather than as an empty panel. The gateway is scraped over its metrics listener
 * after a release screen has been read through the emulator.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import {
  EMULATOR_TOKENS,
  type RunningEmulator,
  startEmulator,
} from '@universal-print-gateway/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMetricsServer,
  type MetricsServer,
} from '../../packages/gateway/src/metrics/metrics-server.js';
import { DEFAULT_HTTP_SERVER_SETTINGS } from '../../packages/gateway/src/server/settings.js';
import { ReleaseScreenDocument } from '../__generated__/graphql.js';
import { parseSamples, type Sample } from '../helpers/prometheus-text.js';
import { createTestGateway } from '../helpers/test-gateway.js';

interface Target {
  expr: string;
  refId: string;
}
interface Panel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: Target[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Array<{ name: string }> };
}

const dashboard = JSON.parse(
  readFileSync(
    new URL('../../deploy/grafana/universal-print-gateway.json', import.meta.url),
    'utf8',
  ),
) as Dashboard;
const queryPanels = dashboard.panels.filter((panel) => panel.type !== 'row');
const expressions = queryPanels.flatMap((panel) =>
  (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
);

/** Grafana's syntax for the dashboard's data-source variable, not a template literal. */
const DATASOURCE_VARIABLE = '$' + '{datasource}';

/** Labels Prometheus adds to every series of a target. */
const TARGET_LABELS = new Set(['job', 'instance']);
const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset']);
const GROUPING = /\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g;

/** Metric names a PromQL expression reads: identifiers that are not functions or keywords. */
function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(GROUPING, ' ');
  return [...bare.matchAll(/(?<![\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:]|\s*\()/g)]
    .map((match) => match[1] as string)
    .filter((name) => !KEYWORDS.has(name));
}

/** Label names an expression filters or groups by. */
function labelsIn(expr: string): string[] {
  const matchers = [...expr.matchAll(/\{([^}]*)\}/g)].flatMap((match) =>
    [...(match[1] as string).matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)].map(
      (label) => label[1] as string,
    ),
  );
  const grouped = [...expr.matchAll(GROUPING)].flatMap((match) =>
    (match[1] as string)
      .split(',')
      .map((label) => label.trim())
      .filter(Boolean),
  );
  return [...matchers, ...grouped];
}

let emulator: RunningEmulator;
let scrapes: MetricsServer;
let samples: Sample[];

beforeAll(async () => {
  emulator = await startEmulator();
  const gateway = createTestGateway({ baseUrl: emulator.url, token: EMULATOR_TOKENS.gatewayApp });
  scrapes = createMetricsServer(gateway.metrics.registry, DEFAULT_HTTP_SERVER_SETTINGS);
  await new Promise<void>((resolve) => scrapes.server.listen(0, '127.0.0.1', resolve));
  const { port } = scrapes.server.address() as AddressInfo;
  const result = await gateway.execute(ReleaseScreenDocument);
  expect(result.errors).toBeUndefined();
  samples = parseSamples(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text());
});
afterAll(async () => {
  await scrapes?.close();
  await emulator?.close();
});

describe('deploy/grafana/universal-print-gateway.json', () => {
  it('has panels with queries, on the data source the dashboard asks for', () => {
    expect(dashboard.uid).toBe('universal-print-gateway');
    expect(dashboard.templating.list.map((variable) => variable.name)).toContain('datasource');
    expect(queryPanels.length).toBeGreaterThan(10);
    for (const panel of queryPanels) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      expect(panel.datasource?.uid, panel.title).toBe(DATASOURCE_VARIABLE);
    }
  });

  it('reads only metrics the gateway exposes', () => {
    const exposed = new Set(samples.map((sample) => sample.name));
    const used = new Set(expressions.flatMap(({ expr }) => metricsIn(expr)));
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) expect(exposed.has(name), `${name} is exposed`).toBe(true);
  });

  it('filters and groups only by labels those metrics carry', () => {
    for (const { panel, expr } of expressions) {
      const carried = new Set(TARGET_LABELS);
      for (const name of metricsIn(expr)) {
        for (const sample of samples.filter((candidate) => candidate.name === name)) {
          for (const label of Object.keys(sample.labels)) carried.add(label);
        }
      }
      for (const label of labelsIn(expr)) {
        expect(carried.has(label), `${panel}: label ${label} in ${expr}`).toBe(true);
      }
    }
  });

  it('shows what the operations page promises: latency, errors, Graph, throttling, budget, process', () => {
    const used = new Set(expressions.flatMap(({ expr }) => metricsIn(expr)));
    for (const name of [
      'graphql_operation_duration_seconds_bucket',
      'graphql_operation_duration_seconds_count',
      'graph_calls_total',
      'graph_throttle_window_remaining_seconds',
      'graph_requests_in_flight',
      'graph_calls_per_request_bucket',
      'graph_call_budget_refusals_total',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
    ]) {
      expect(used.has(name), name).toBe(true);
    }
  });
});
