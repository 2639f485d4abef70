import { requireAppCaller } from './auth.js';
import { accessDenied, invalidRequest, itemNotFound } from './graph-errors.js';
import { jsonResult } from './graph-result.js';
import {
  collection,
  contexts,
  toGraphDefinition,
  toGraphTask,
  withContext,
} from './graph-shapes.js';
import { isJsonObject, type JsonObject } from './json-object.js';
import { type ExpandRules, parseODataQuery, TASK_LIST_UNSUPPORTED } from './odata.js';
import type { Pager } from './paging.js';
import { readJsonObject } from './request-body.js';
import type { Route, RouteContext } from './router.js';
import type { EmulatorStore, TaskStatusUpdate } from './store.js';
import type { DefinitionRecord, TaskRecord } from './tenant.js';

const TASK_EXPAND: ExpandRules = { definition: { type: 'printTaskDefinition' } };
const REPORTABLE_STATES = ['processing', 'completed', 'aborted'] as const;

function parseStatusUpdate(body: JsonObject): TaskStatusUpdate {
  const status = body['status'];
  const state = isJsonObject(status) ? status['state'] : undefined;
  if (!isJsonObject(status) || typeof state !== 'string') {
    throw invalidRequest('The request body must contain status.state.');
  }
  const reportable = REPORTABLE_STATES.find((candidate) => candidate === state);
  if (reportable === undefined) {
    throw invalidRequest(
      `'${state}' is not a print task state an application can report; ` +
        'use processing, completed or aborted.',
    );
  }
  const description = status['description'];
  if (description !== undefined && description !== null && typeof description !== 'string') {
    throw invalidRequest('status.description must be a string.');
  }
  return typeof description === 'string'
    ? { state: reportable, description }
    : { state: reportable };
}

/** Task definitions and their tasks: app-only, and visible to the owning app alone. */
export function taskDefinitionRoutes(store: EmulatorStore, pager: Pager): Route[] {
  const ownedDefinition = (context: RouteContext): DefinitionRecord => {
    const app = requireAppCaller(context.caller, 'Print task definitions');
    const id = context.param('definitionId');
    const definition = store.definition(id);
    if (definition === undefined) {
      throw itemNotFound(`Print task definition '${id}' was not found.`);
    }
    if (definition.createdBy.appId !== app.appId) {
      throw accessDenied(
        `Print task definition '${id}' belongs to another application; only the application ` +
          'that created it can read it or report its tasks.',
      );
    }
    return definition;
  };

  const taskOf = (context: RouteContext, definition: DefinitionRecord): TaskRecord => {
    const id = context.param('taskId');
    const task = store.task(id);
    if (task === undefined || task.definitionId !== definition.id) {
      throw itemNotFound(`Print task '${id}' was not found in definition '${definition.id}'.`);
    }
    return task;
  };

  return [
    {
      method: 'GET',
      pattern: '/print/taskDefinitions',
      handle: (context) => {
        const app = requireAppCaller(context.caller, 'Print task definitions');
        parseODataQuery(context.call.query, {
          typeName: 'printTaskDefinition',
          unsupported: TASK_LIST_UNSUPPORTED,
        });
        const mine = store
          .definitions()
          .filter((definition) => definition.createdBy.appId === app.appId);
        const page = pager.page(context.call, mine);
        const value = page.value.map(toGraphDefinition);
        return jsonResult(200, collection(contexts.definitions(), { ...page, value }));
      },
    },
    {
      method: 'GET',
      pattern: '/print/taskDefinitions/:definitionId',
      handle: (context) => {
        const definition = ownedDefinition(context);
        parseODataQuery(context.call.query, { typeName: 'printTaskDefinition' });
        return jsonResult(200, withContext(contexts.definition(), toGraphDefinition(definition)));
      },
    },
    {
      method: 'GET',
      pattern: '/print/taskDefinitions/:definitionId/tasks',
      handle: (context) => {
        const definition = ownedDefinition(context);
        const query = parseODataQuery(context.call.query, {
          typeName: 'printTask',
          expand: TASK_EXPAND,
          unsupported: TASK_LIST_UNSUPPORTED,
        });
        const withDefinition = query.expand.has('definition');
        const page = pager.page(context.call, store.tasksOfDefinition(definition.id));
        const value = page.value.map((task) => toGraphTask(task, store, withDefinition));
        return jsonResult(200, collection(contexts.tasks(definition.id), { ...page, value }));
      },
    },
    {
      method: 'GET',
      pattern: '/print/taskDefinitions/:definitionId/tasks/:taskId',
      handle: (context) => {
        const definition = ownedDefinition(context);
        const task = taskOf(context, definition);
        const query = parseODataQuery(context.call.query, {
          typeName: 'printTask',
          expand: TASK_EXPAND,
        });
        const shape = toGraphTask(task, store, query.expand.has('definition'));
        return jsonResult(200, withContext(contexts.task(definition.id), shape));
      },
    },
    {
      method: 'PATCH',
      pattern: '/print/taskDefinitions/:definitionId/tasks/:taskId',
      handle: (context) => {
        requireAppCaller(context.caller, 'Updating a print task');
        // The body is bound before the task is looked up, so 415/400 win over 404/403.
        const update = parseStatusUpdate(readJsonObject(context.call, true) ?? {});
        const definition = ownedDefinition(context);
        const task = store.updateTaskStatus(taskOf(context, definition), update);
        return jsonResult(
          200,
          withContext(contexts.task(definition.id), toGraphTask(task, store, false)),
        );
      },
    },
  ];
}
