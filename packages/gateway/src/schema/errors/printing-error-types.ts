/**
 * The object types of the errors only printing meets: Entra's refusals to exchange a person's
 * token for Graph, and a job started before its document was uploaded.
 */
import {
  ConsentRequiredError,
  InteractionRequiredError,
  UploadIncompleteError,
} from '../../errors.js';
import { builder } from '../builder.js';
import { ErrorInterface, UpstreamErrorInterface } from './error-interface.js';

builder.objectType(ConsentRequiredError, {
  name: 'ConsentRequiredError',
  description:
    "Entra would not give the gateway a Graph token for this person (AADSTS65001): the tenant's " +
    "administrator has not consented to the gateway's delegated Graph permissions " +
    '(docs/authorization.md). Nothing was sent to Microsoft Graph.',
  interfaces: [ErrorInterface],
});

builder.objectType(InteractionRequiredError, {
  name: 'InteractionRequiredError',
  description:
    'Entra wants more of this person before it gives the gateway a Graph token for them (MFA, ' +
    'Conditional Access). Sign the person in again passing `claims` as is (MSAL: the `claims` ' +
    'parameter), then retry with the new token. Nothing was sent to Microsoft Graph.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    claims: t.exposeString('claims', { description: "Entra's claims challenge, verbatim." }),
  }),
});

builder.objectType(UploadIncompleteError, {
  name: 'UploadIncompleteError',
  description:
    "The job was not started: Microsoft Graph has not received all of its document's bytes. " +
    'Send the ranges listed to the upload URL, then start it again.',
  interfaces: [ErrorInterface, UpstreamErrorInterface],
  fields: (t) => ({
    nextExpectedRanges: t.exposeStringList('nextExpectedRanges', {
      description: 'The byte ranges Graph still expects, as Graph listed them (e.g. "1048576-").',
    }),
  }),
});

/** What any field that calls Graph as the person can fail with, besides GRAPH_ERRORS. */
export const PERSON_TOKEN_ERRORS = [ConsentRequiredError, InteractionRequiredError] as const;
