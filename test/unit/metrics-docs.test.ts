/**
 * docs/operations.md#metrics against the code: every metric the gateway exposes has a row with
 * its type, and the limits the section quotes are the constants the code uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LABEL_LENGTH } from '../../packages/gateway/src/metrics/bounded-label.js';
import {
  DEFAULT_MAX_OPERATION_NAMES,
  MAX_RESULT_VALUES,
  OPERATION_SECONDS_BUCKETS,
  PAIRS_PER_OPERATION_NAME,
} from '../../packages/gateway/src/metrics/graphql-metrics.js';
import {
  METRICS_MAX_CONNECTIONS,
  METRICS_MAX_HEADER_BYTES,
} from '../../packages/gateway/src/metrics/metrics-server.js';
import { DEFAULT_METRICS_PORT } from '../../packages/gateway/src/metrics/settings.js';
import { metricTypes } from '../helpers/prometheus-text.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const operations = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');
const section = operations.split('\n## Metrics\n')[1]?.split('\n## ')[0] ?? '';
const formatted = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');

describe('docs/operations.md#metrics', () => {
  it('has a row, with the right type, for every metric of the gateway', async () => {
    const { metrics } = createTestGateway({ baseUrl: 'http://127.0.0.1:9' });
    const types = metricTypes(await metrics.registry.metrics());
    const own = [...types].filter(([name]) => /^graph(ql)?_/.test(name));
    expect(own.length).toBeGreaterThan(10);
    for (const [name, type] of own) {
      expect(section, name).toMatch(new RegExp(`\\| \`${name}\` \\| ${type} \\|`));
    }
  });

  it('quotes the limits the code enforces', () => {
    const worstCase = PAIRS_PER_OPERATION_NAME * DEFAULT_MAX_OPERATION_NAMES + MAX_RESULT_VALUES;
    for (const phrase of [
      `| \`METRICS_PORT\` | \`${DEFAULT_METRICS_PORT}\``,
      `| \`METRICS_MAX_OPERATION_NAMES\` | \`${DEFAULT_MAX_OPERATION_NAMES}\``,
      `At most ${MAX_RESULT_VALUES}`,
      `longer than\n${MAX_LABEL_LENGTH} characters`,
      `${PAIRS_PER_OPERATION_NAME} × ${DEFAULT_MAX_OPERATION_NAMES} + ${MAX_RESULT_VALUES} = ${worstCase}`,
      `${OPERATION_SECONDS_BUCKETS.length + 3} samples each (${OPERATION_SECONDS_BUCKETS.length} buckets`,
      `Buckets ${OPERATION_SECONDS_BUCKETS.join(', ')} s`,
      `at most ${METRICS_MAX_CONNECTIONS} connections`,
      `${formatted(METRICS_MAX_HEADER_BYTES)} bytes`,
    ]) {
      expect(section.replace(/\s+/g, ' '), phrase).toContain(phrase.replace(/\s+/g, ' '));
    }
  });
});
