/** Imports every domain folder and builds the schema. Defines nothing itself. */
import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars/date-time.js';
import './errors/error-interface.js';
import './errors/error-types.js';
import './task-definition/task-definition.type.js';
import './task-definition/task-definition.query.js';
import './print-task/print-task.type.js';
import './print-task/print-task.query.js';
import './print-task/print-task.mutation.js';
import './print-job/print-job.type.js';
import './print-job/print-job.query.js';
import './print-job/print-job.mutation.js';
import './printer/printer.type.js';
import './printer/printer.query.js';

builder.queryType({});
builder.mutationType({});

export const schema = lexicographicSortSchema(builder.toSchema());
