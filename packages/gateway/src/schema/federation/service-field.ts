/**
 * `Query._service { sdl }`, what a router reads at start: the SDL with or without the
 * authorization directives, as the app was configured (`GATEWAY_SDL_AUTHORIZATION_DIRECTIVES`,
 * carried in the context). Only what the router is told changes; the subgraph's own checks do not.
 */
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import type { GatewayContext } from '../../context.js';
import { withoutAuthorizationDirectives } from './without-authorization-directives.js';

interface Service {
  sdl: string;
}

/** Rewires the `_service` resolver of a subgraph schema in place and returns the schema. */
export function serveSdlBySetting(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getQueryType()?.getFields()['_service'];
  const resolveFull = field?.resolve;
  if (!field || !resolveFull || !isObjectType(schema.getType('_Service'))) return schema;

  // Printed at the first router's request that asks for it, then kept: about 150 ms of work.
  let withoutDirectives: Service | undefined;
  const resolve: GraphQLFieldResolver<unknown, GatewayContext> = (source, args, context, info) => {
    if (context.sdlAuthorizationDirectives) return resolveFull(source, args, context, info);
    withoutDirectives ??= {
      sdl: withoutAuthorizationDirectives(
        (resolveFull(source, args, context, info) as Service).sdl,
      ),
    };
    return withoutDirectives;
  };
  field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  return schema;
}
