/**
 * Reference server 2: the least a GraphQL server over Graph can be. graphql-yoga with a schema of
 * the two operations the CPU benchmark sends, one resolver each making the same Graph calls as the
 * gateway with the global `fetch`. No authentication, no limits, no logs, no batching.
 *
 * Environment: PORT, GRAPH_VERSION_ROOT, GRAPH_ACCESS_TOKEN.
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import {
  firstItems,
  graphClient,
  printerCall,
  printerJobsCall,
  releaseCall,
} from './upstream-calls.mjs';

const root = process.env.GRAPH_VERSION_ROOT;
const graph = graphClient(process.env.GRAPH_ACCESS_TOKEN);

const schema = createSchema({
  typeDefs: /* GraphQL */ `
    enum PrintTaskState { PROCESSING COMPLETED ABORTED }
    input PrintTaskStatusInput { state: PrintTaskState! }
    input UpdatePrintTaskInput { taskDefinitionId: ID!, taskId: ID!, status: PrintTaskStatusInput! }
    type PrintTaskStatus { state: String }
    type PrintTask { id: ID!, status: PrintTaskStatus }
    type PrintJobStatus { state: String }
    type PrintDocument { displayName: String }
    type PrintJob { id: ID!, status: PrintJobStatus, documents: [PrintDocument!] }
    type Printer { id: ID!, displayName: String, jobs(first: Int!): [PrintJob!]! }
    type Query { printer(id: ID!): Printer }
    type Mutation { updatePrintTask(input: UpdatePrintTaskInput!): PrintTask }
  `,
  resolvers: {
    Query: { printer: (_, { id }) => graph(printerCall(root, id)) },
    Printer: {
      jobs: (printer, { first }) => firstItems(graph, printerJobsCall(root, printer.id), first),
    },
    Mutation: { updatePrintTask: (_, { input }) => graph(releaseCall(root, input)) },
  },
});

const yoga = createYoga({ schema, graphiql: false, logging: false, landingPage: false });
createServer(yoga).listen(Number(process.env.PORT), '127.0.0.1');
