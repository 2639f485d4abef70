import { z } from 'zod';
import { pagePrintableShares } from '../../domain/printing/printer-shares.js';
import { builder } from '../builder.js';
import { CONNECTION_DESCRIPTION, connectionOf, pageRequest } from '../connections.js';
import { DELEGATED_ERRORS, GRAPH_ERRORS } from '../errors/error-types.js';
import { PRINT_ACCESS } from '../field-permissions.js';
import { PrinterShareRef } from './printer-share.type.js';

export const MAX_SEARCH_LENGTH = 64;

/**
 * One word: it becomes part of Graph's page URLs, which a cursor must match as written, so only
 * characters that need no encoding are taken.
 */
const searchText = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'may contain only letters, digits and . _ - (one word)');

builder.queryField('printerShares', (t) =>
  t.connection(
    {
      type: PrinterShareRef,
      description:
        'The printer shares the signed-in person may print to, read from Microsoft Graph as ' +
        'that person (Print.Submit; anyone else gets ForbiddenError and nothing is sent). ' +
        CONNECTION_DESCRIPTION,
      ...PRINT_ACCESS,
      errors: {
        types: [...GRAPH_ERRORS, ...DELEGATED_ERRORS],
        union: { name: 'PrinterSharesResult' },
      },
      args: {
        search: t.arg.string({
          validate: searchText,
          description: "Graph's $search over the shares, e.g. a building's name.",
        }),
      },
      resolve: async (_root, args, context) =>
        connectionOf(await pagePrintableShares(context, pageRequest(args), args.search ?? null)),
    },
    { name: 'PrinterShareConnection' },
    { name: 'PrinterShareEdge' },
  ),
);
