import { type FaultInjector, InvalidFaultRuleError, parseFaultRule } from './faults.js';
import { GraphFailure } from './graph-errors.js';
import type { EmulatorPrintJob } from './graph-shapes.js';
import { isJsonObject } from './json-object.js';
import { parseConfigurationPatch } from './print-job-configuration.js';
import type { RequestLog } from './request-log.js';
import type { SubmitJobInput } from './store.js';

// The /_emulator endpoints: plain JSON, no auth, never recorded in the request log.

export interface AdminDeps {
  submitJob(input: SubmitJobInput): EmulatorPrintJob;
  submitJobs(input: SubmitJobInput, count: number): EmulatorPrintJob[];
  faults: FaultInjector;
  requests: RequestLog;
  reset(): void;
}

export interface AdminAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type AdminHandler = (
  method: string,
  path: string,
  rawBody: string | undefined,
) => AdminAnswer;

class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function parseJson(rawBody: string | undefined): unknown {
  try {
    return JSON.parse(rawBody ?? '');
  } catch {
    throw new AdminError(400, 'badRequest', 'The request body must be JSON.');
  }
}

/** Enough for a backlog that spans many pages, small enough to stay instant. */
export const MAX_JOBS_PER_SUBMIT = 500;

const STRING_FIELDS = [
  'documentName',
  'contentType',
  'userId',
  'userPrincipalName',
  'displayName',
] as const;

interface SubmitJobRequest {
  input: SubmitJobInput;
  /** Absent: one job, answered as the job itself; present: `{value: [...]}`. */
  count?: number;
}

function parseSubmitJob(rawBody: string | undefined): SubmitJobRequest {
  const body = parseJson(rawBody);
  if (!isJsonObject(body) || typeof body['printerId'] !== 'string' || body['printerId'] === '') {
    throw new AdminError(400, 'badRequest', 'Expected {"printerId": "...", ...}.');
  }
  const input: SubmitJobInput = { printerId: body['printerId'] };
  for (const key of STRING_FIELDS) {
    const value = body[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') {
      throw new AdminError(400, 'badRequest', `${key} must be a non-empty string.`);
    }
    input[key] = value;
  }
  const size = body['size'];
  if (size !== undefined) {
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
      throw new AdminError(400, 'badRequest', 'size must be a positive integer (bytes).');
    }
    input.size = size;
  }
  if (body['configuration'] !== undefined) {
    input.configuration = parseConfigurationPatch(body['configuration']);
  }
  const count = body['count'];
  if (count === undefined) {
    return { input };
  }
  if (
    typeof count !== 'number' ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > MAX_JOBS_PER_SUBMIT
  ) {
    throw new AdminError(
      400,
      'badRequest',
      `count must be an integer from 1 to ${MAX_JOBS_PER_SUBMIT}.`,
    );
  }
  return { input, count };
}

type Action = (rawBody: string | undefined) => AdminAnswer;

export function createAdminHandler(deps: AdminDeps): AdminHandler {
  const routes: Record<string, Partial<Record<string, Action>>> = {
    '/_emulator/jobs': {
      POST: (rawBody) => {
        const { input, count } = parseSubmitJob(rawBody);
        return count === undefined
          ? { status: 201, body: deps.submitJob(input) }
          : { status: 201, body: { value: deps.submitJobs(input, count) } };
      },
    },
    '/_emulator/faults': {
      POST: (rawBody) => ({
        status: 201,
        body: { id: deps.faults.add(parseFaultRule(parseJson(rawBody))) },
      }),
      DELETE: () => {
        deps.faults.clear();
        return { status: 204 };
      },
    },
    '/_emulator/requests': {
      GET: () => ({ status: 200, body: { requests: deps.requests.entries() } }),
      DELETE: () => {
        deps.requests.clear();
        return { status: 204 };
      },
    },
    '/_emulator/reset': {
      POST: () => {
        deps.reset();
        return { status: 204 };
      },
    },
    '/_emulator/health': {
      GET: () => ({ status: 200, body: { status: 'ok' } }),
    },
  };

  return (method, path, rawBody) => {
    const methods = routes[path.replace(/\/+$/, '')];
    if (methods === undefined) {
      return {
        status: 404,
        body: { error: { code: 'notFound', message: `No admin endpoint ${path}.` } },
      };
    }
    const action = methods[method];
    if (action === undefined) {
      return {
        status: 405,
        headers: { Allow: Object.keys(methods).join(', ') },
        body: {
          error: { code: 'methodNotAllowed', message: `${method} is not allowed on ${path}.` },
        },
      };
    }
    try {
      return action(rawBody);
    } catch (error) {
      if (error instanceof AdminError || error instanceof GraphFailure) {
        return {
          status: error.status,
          body: { error: { code: error.code, message: error.message } },
        };
      }
      if (error instanceof InvalidFaultRuleError) {
        return { status: 400, body: { error: { code: 'badRequest', message: error.message } } };
      }
      throw error;
    }
  };
}
