import type { PrintTaskDefinition } from '@universal-print-gateway/graph-client';
import { pageVisiblePrintTasks, readTaskDefinition } from '../../domain/reads.js';
import { builder } from '../builder.js';
import { CONNECTION_DESCRIPTION, connectionOf, pageRequest } from '../connections.js';
import { GRAPH_ERRORS } from '../errors/error-types.js';
import { federatedEntity } from '../federation/entity.js';
import { PrintTaskDefinitionRef, PrintTaskRef } from '../refs.js';

type AppIdentity = NonNullable<PrintTaskDefinition['createdBy']>;

const AppIdentityRef = builder.objectRef<AppIdentity>('AppIdentity').implement({
  description: 'The app that created a task definition; only it may act on the tasks.',
  fields: (t) => ({
    appId: t.exposeString('appId', { nullable: true }),
    displayName: t.exposeString('displayName', { nullable: true }),
    servicePrincipalId: t.exposeString('servicePrincipalId', { nullable: true }),
    servicePrincipalName: t.exposeString('servicePrincipalName', { nullable: true }),
  }),
});

PrintTaskDefinitionRef.implement({
  description:
    "What an app registers with Universal Print so that printers' triggers hand it tasks.",
  fields: (t) => ({
    id: t.exposeID('id'),
    displayName: t.exposeString('displayName', { nullable: true }),
    createdBy: t.field({
      type: AppIdentityRef,
      nullable: true,
      resolve: (definition) => definition.createdBy ?? null,
    }),
    tasks: t.connection(
      {
        type: PrintTaskRef,
        description:
          'Tasks still running plus recently completed ones, as Graph lists them. A person sees ' +
          `only the tasks of their own jobs. ${CONNECTION_DESCRIPTION}`,
        errors: { types: [...GRAPH_ERRORS], union: { name: 'PrintTaskDefinitionTasksResult' } },
        resolve: async (definition, args, context) =>
          connectionOf(await pageVisiblePrintTasks(context, definition.id, pageRequest(args))),
      },
      { name: 'PrintTaskConnection' },
      { name: 'PrintTaskEdge' },
    ),
  }),
});

federatedEntity(PrintTaskDefinitionRef, ['id'], ({ id }, context) =>
  readTaskDefinition(context, id),
);
