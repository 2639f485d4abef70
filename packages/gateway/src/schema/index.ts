/** Imports every domain folder and builds the subgraph schema. Defines nothing itself. */
import { builder } from './builder.js';
import './scalars/date-time.js';
import './errors/error-interface.js';
import './errors/error-types.js';
import './errors/idempotency-error-types.js';
import './task-definition/task-definition.type.js';
import './task-definition/task-definition.query.js';
import './print-task/print-task.type.js';
import './print-task/print-task.query.js';
import './print-task/print-task.mutation.js';
import './print-job/print-job.type.js';
import './print-job/print-job.query.js';
import './print-job/print-job.mutation.js';
import './print-job/print-job-redirect.mutation.js';
import './print-job/my-print-jobs.query.js';
import './print-job/print-submission.mutation.js';
import './federation/user.type.js';
import './printer/printer.type.js';
import './printer/printer.query.js';
import './printer-share/printer-share.type.js';
import './printer-share/printer-shares.query.js';
import './subscription/print-job-event.type.js';
import './subscription/print-job-events.subscription.js';
import { isolateEntityFailures } from './federation/entities-field.js';
import { serveSdlBySetting } from './federation/service-field.js';

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

/**
 * The Federation v2 spec the SDL links to. Pinned rather than left to the plugin's default, so an
 * upgrade cannot change what the registry receives without a diff in schema.graphql.
 */
export const FEDERATION_SPEC = 'https://specs.apollo.dev/federation/v2.6';

// Sorted by the plugin, so `_service { sdl }` and schema.graphql read the same.
export const schema = serveSdlBySetting(
  isolateEntityFailures(builder.toSubGraphSchema({ linkUrl: FEDERATION_SPEC })),
);
