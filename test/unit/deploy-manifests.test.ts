/**
 * deploy/kubernetes against the code: the manifests must name the real port, probe paths and
 * settings, so a renamed variable or endpoint fails here rather than in a rollout. The
 * Deployment's environment is loaded through src/config.ts exactly as a pod would load it.
 * The layout follows kustomize's rule on roots (.ci/run renders each with a real kustomize).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, loadConfig } from '../../packages/gateway/src/config.js';
import { Readiness } from '../../packages/gateway/src/server/readiness.js';
import { createHttpServer } from '../../packages/gateway/src/server/server.js';
import { DEFAULT_HTTP_SERVER_SETTINGS } from '../../packages/gateway/src/server/settings.js';
import { createTestGateway } from '../helpers/test-gateway.js';

const KUBERNETES = new URL('../../deploy/kubernetes/', import.meta.url);
const DIRECTORY = new URL('base/', KUBERNETES);

// Only the fields the checks read; the files carry many more.
interface Probe {
  httpGet: { path: string; port: string | number };
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  ports: Array<{ name: string; containerPort: number }>;
  env: EnvVar[];
  startupProbe: Probe;
  livenessProbe: Probe;
  readinessProbe: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
  securityContext: {
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  // biome-ignore lint/suspicious/noExplicitAny: each kind's spec is read by the checks below.
  spec: any;
}

function load(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(new URL(file, DIRECTORY), 'utf8')).map((document) => {
    expect(document.errors, file).toEqual([]);
    return document.toJS() as Manifest;
  });
}

const files = readdirSync(DIRECTORY).filter((name) => name.endsWith('.yaml'));
const kustomization = load('kustomization.yaml')[0] as unknown as { resources: string[] };
const manifests = kustomization.resources.flatMap(load);
const ofKind = (kind: string): Manifest => {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as Manifest;
};

const deployment = ofKind('Deployment');
const pod = deployment.spec.template;
const container = pod.spec.containers[0] as Container;
const portNamed = (name: string | number): number => {
  const port = container.ports.find((candidate) => candidate.name === name);
  if (!port) throw new Error(`no container port named ${name}`);
  return port.containerPort;
};

/** Secret values of the right shape: the cluster's Secret supplies the real ones. */
const SECRET_PLACEHOLDERS: Record<string, string> = {
  AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  AZURE_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
  AZURE_CLIENT_SECRET: 'placeholder-client-secret',
  GATEWAY_API_KEYS: 'release-station:Print.Release.All:placeholder-key-0123456789',
};

/** The environment a pod of this Deployment starts with (the Dockerfile's ENV, then the pod's). */
function podEnvironment(): Record<string, string> {
  const environment: Record<string, string> = { NODE_ENV: 'production' };
  for (const variable of container.env) {
    if (variable.value !== undefined) environment[variable.name] = variable.value;
    else {
      const placeholder = SECRET_PLACEHOLDERS[variable.name];
      expect(placeholder, `a placeholder for the secret ${variable.name}`).toBeDefined();
      environment[variable.name] = placeholder as string;
    }
  }
  return environment;
}

/** Variable names in the first column of the README's Configuration table. */
function documentedVariables(): Set<string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.split('## Configuration')[1]?.split('\n## ')[0] ?? '';
  const names = new Set<string>();
  for (const row of table.split('\n').filter((line) => line.startsWith('| `'))) {
    for (const [, name] of (row.split('|')[1] ?? '').matchAll(/`([A-Z0-9_]+)`/g)) {
      names.add(name as string);
    }
  }
  return names;
}

describe('the README', () => {
  it('documents every variable the gateway reads', () => {
    const documented = documentedVariables();
    expect(CONFIG_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });
});

describe('deploy/kubernetes/base', () => {
  it('lists every manifest in its kustomization', () => {
    expect([...kustomization.resources].sort()).toEqual(
      files.filter((name) => name !== 'kustomization.yaml').sort(),
    );
  });

  it('configures the pod with settings the gateway accepts', () => {
    const environment = podEnvironment();
    const documented = documentedVariables();
    for (const name of Object.keys(environment)) {
      expect(documented.has(name), `${name} is in the README's Configuration table`).toBe(true);
    }
    const config = loadConfig(environment);
    expect(config.production).toBe(true);
    expect(config.host).toBe('0.0.0.0');
    expect(config.port).toBe(portNamed('http'));
    expect(config.graph.kind).toBe('graph');
    expect(config.metrics.listen?.port).toBe(portNamed('metrics'));
    // Scraped on the pod's `metrics` port, on every interface, without credentials.
    expect(config.metrics.listen).toEqual({ host: '0.0.0.0', port: portNamed('metrics') });
  });

  it('leaves the drain time to finish before Kubernetes kills the pod', () => {
    const config = loadConfig(podEnvironment());
    const preStopMs = (container.lifecycle?.preStop?.sleep?.seconds ?? 0) * 1000;
    expect(preStopMs).toBeGreaterThan(0);
    expect(pod.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      preStopMs + config.shutdownGraceMs,
    );
  });

  it("gives docker stop, in the Dockerfile's advice, longer than the drain and the closing", () => {
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    const graceMs = loadConfig({}).shutdownGraceMs;
    // SHUTDOWN_GRACE_MS's default, then src/server/shutdown.ts's wait for connections to close.
    const drainMs = graceMs + 1_000;
    expect(dockerfile).toContain(`= ${graceMs.toLocaleString('en')} ms`);
    expect(dockerfile).toContain(`those\n# ${drainMs / 1000} s`);
    const stopSeconds = Number(/docker stop -t (\d+)/.exec(dockerfile)?.[1]);
    expect(stopSeconds * 1000).toBeGreaterThan(drainMs);
    expect(dockerfile).toContain(`stop_grace_period: ${stopSeconds}s`);
  });

  it('runs unprivileged, as the image user, on a read-only root filesystem', () => {
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    // The official Node image's `node` user is uid 1000.
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(pod.spec.automountServiceAccountToken).toBe(false);
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(container.resources.requests).toHaveProperty('cpu');
    expect(container.resources.limits).toHaveProperty('memory');
  });

  it('exposes the Dockerfile port and selects its own pods everywhere', () => {
    const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
    expect(dockerfile).toContain(`EXPOSE ${portNamed('http')}`);
    const labels = pod.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    const service = ofKind('Service');
    expect(service.spec.selector).toEqual(labels);
    for (const port of service.spec.ports) portNamed(port.targetPort);
    const annotations = pod.metadata.annotations;
    expect(Number(annotations['prometheus.io/port'])).toBe(portNamed('metrics'));
    expect(ofKind('PodDisruptionBudget').spec.selector.matchLabels).toEqual(labels);
    expect(ofKind('HorizontalPodAutoscaler').spec.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
  });

  describe('probes the gateway really answers', () => {
    const { app } = createTestGateway({ baseUrl: 'http://127.0.0.1:9' });
    const http = createHttpServer({
      app,
      readiness: new Readiness(),
      settings: DEFAULT_HTTP_SERVER_SETTINGS,
    });
    afterAll(() => new Promise((resolve) => http.server.close(resolve)));

    it.each(['startupProbe', 'livenessProbe', 'readinessProbe'] as const)('%s', async (probe) => {
      const { path, port } = container[probe].httpGet;
      expect(portNamed(port)).toBe(portNamed('http'));
      if (!http.server.listening) {
        await new Promise<void>((resolve) => http.server.listen(0, '127.0.0.1', resolve));
      }
      const { port: listening } = http.server.address() as AddressInfo;
      // No credentials: the kubelet sends none.
      const answer = await fetch(`http://127.0.0.1:${listening}${path}`);
      expect(answer.status).toBe(200);
    });

    it('checks readiness and liveness on different paths', () => {
      // /health stays 200 while draining; a readiness probe on it would keep traffic coming.
      expect(container.readinessProbe.httpGet.path).not.toBe(container.livenessProbe.httpGet.path);
    });
  });
});

describe('deploy/kubernetes/overlays/replicas-with-redis', () => {
  const OVERLAY = new URL('overlays/replicas-with-redis/', KUBERNETES);
  const loadOverlay = (file: string): Manifest[] =>
    parseAllDocuments(readFileSync(new URL(file, OVERLAY), 'utf8')).map(
      (document) => document.toJS() as Manifest,
    );
  const overlay = loadOverlay('kustomization.yaml')[0] as unknown as {
    resources: string[];
    patches: Array<{ path: string }>;
  };
  const redis = loadOverlay('redis.yaml');
  const redisStatefulSet = redis.find((manifest) => manifest.kind === 'StatefulSet') as Manifest;
  const redisService = redis.find((manifest) => manifest.kind === 'Service') as Manifest;

  /** The gateway's env after the overlay's strategic-merge patch (env merges by name). */
  function patchedEnvironment(): Record<string, string> {
    const environment = podEnvironment();
    for (const { path } of overlay.patches) {
      const patch = loadOverlay(path)[0] as Manifest;
      expect(patch.metadata.name).toBe(deployment.metadata.name);
      for (const patched of patch.spec.template.spec.containers) {
        expect(patched.name).toBe(container.name);
        for (const variable of patched.env as EnvVar[]) {
          environment[variable.name] = variable.value as string;
        }
      }
    }
    return environment;
  }

  it('adds Redis to the base manifests', () => {
    expect(overlay.resources).toEqual(['../../base', 'redis.yaml']);
  });

  it('points the gateway at the Redis Service, with settings the gateway accepts', () => {
    const environment = patchedEnvironment();
    const documented = documentedVariables();
    for (const name of Object.keys(environment)) expect(documented.has(name), name).toBe(true);
    const config = loadConfig(environment);
    expect(config.redis).not.toBeNull();
    const url = new URL(config.redis?.url as string);
    expect(url.hostname).toBe(redisService.metadata.name);
    expect(Number(url.port)).toBe(redisService.spec.ports[0].port);
  });

  it('runs Redis unprivileged, behind its Service', () => {
    const template = redisStatefulSet.spec.template;
    expect(redisService.spec.selector).toEqual(template.metadata.labels);
    const [redisContainer] = template.spec.containers;
    const portNames = redisContainer.ports.map((port: { name: string }) => port.name);
    expect(portNames).toContain(redisService.spec.ports[0].targetPort);
    expect(template.spec.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(redisContainer.securityContext).toMatchObject({ readOnlyRootFilesystem: true });
  });

  it('keeps Redis data across restarts: an append-only file on a claimed volume', () => {
    // A Redis back empty forgets idempotency keys: a retried release would reach Graph twice.
    expect(redis.map((manifest) => manifest.kind)).not.toContain('Deployment');
    const spec = redisStatefulSet.spec;
    expect(spec.serviceName).toBe(redisService.metadata.name);
    const [redisContainer] = spec.template.spec.containers;
    const args = (redisContainer.args as string[]).join(' ');
    expect(args).toContain('--appendonly yes');
    const dataDirectory = /--dir (\S+)/.exec(args)?.[1];
    const mount = (redisContainer.volumeMounts as Array<{ name: string; mountPath: string }>).find(
      (candidate) => candidate.mountPath === dataDirectory,
    );
    expect(mount, `a volume mounted on --dir ${dataDirectory}`).toBeDefined();
    // The volume is a claim of the StatefulSet's, not a pod volume (emptyDir dies with the pod).
    expect(spec.template.spec.volumes ?? []).toEqual([]);
    const claim = (spec.volumeClaimTemplates as Manifest[]).find(
      (template) => template.metadata.name === mount?.name,
    );
    expect(claim?.spec.accessModes).toEqual(['ReadWriteOnce']);
    expect(claim?.spec.resources.requests.storage).toMatch(/^\d+(Mi|Gi)$/);
    // The non-root redis user can write the claimed volume.
    expect(spec.template.spec.securityContext.fsGroup).toBe(
      spec.template.spec.securityContext.runAsGroup,
    );
  });
});

/**
 * kustomize refuses a root whose directory contains a root already visited on the way to it
 * ("cycle detected: candidate root … contains visited root …"): an overlay may not live inside
 * the base it includes. The same walk here, over every kustomization under deploy/.
 */
describe('deploy/ kustomization layout', () => {
  const DEPLOY = fileURLToPath(new URL('../../deploy/', import.meta.url));

  function kustomizationDirectories(directory: string): string[] {
    const found: string[] = [];
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) found.push(...kustomizationDirectories(path));
      else if (entry.name === 'kustomization.yaml') found.push(directory);
    }
    return found;
  }

  /** The directories a kustomization's resources name (files are not roots). */
  function includedRoots(root: string): string[] {
    const text = readFileSync(join(root, 'kustomization.yaml'), 'utf8');
    const { resources = [] } = (parse(text) ?? {}) as { resources?: string[] };
    return resources
      .map((resource) => resolve(root, resource))
      .filter((path) => statSync(path).isDirectory());
  }

  const contains = (outer: string, inner: string) =>
    inner === outer || inner.startsWith(outer + sep);

  /** Each violation as kustomize words it, following roots as kustomize does, depth first. */
  function cycles(root: string, visited: string[] = []): string[] {
    const entered = [...visited, root];
    return includedRoots(root).flatMap((candidate) => {
      const hit = entered.find((seen) => contains(candidate, seen));
      if (hit) {
        const show = (path: string) => relative(dirname(DEPLOY), path);
        return [`candidate root '${show(candidate)}' contains visited root '${show(hit)}'`];
      }
      return cycles(candidate, entered);
    });
  }

  const roots = kustomizationDirectories(DEPLOY);

  it('finds the base and the overlay', () => {
    expect(roots.map((root) => relative(DEPLOY, root)).sort()).toEqual([
      join('kubernetes', 'base'),
      join('kubernetes', 'overlays', 'replicas-with-redis'),
    ]);
  });

  it.each(roots.map((root) => [relative(DEPLOY, root), root]))(
    '%s includes no directory that contains it',
    (_name, root) => {
      expect(cycles(root as string)).toEqual([]);
    },
  );
});
