/**
 * What each module's settings piece is written with: the error a bad environment stops the
 * process with, and the small validators several pieces share. src/config.ts composes the
 * pieces; a module that owns settings (src/auth/settings.ts, src/telemetry/settings.ts, ...)
 * imports this file, never config.ts.
 */
import { z } from 'zod';

// Written once, in the Graph client (which sits below the gateway), whose settings use them too.
export { isLoopback, nonEmpty } from '@universal-print-gateway/graph-client';

/** The environment does not describe a gateway that can start; the message says which variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A port number; 0 lets the system choose. */
export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65_535).default(fallback);

/** The parsed values of a settings piece (a zod shape), as its module's settings function takes them. */
export type EnvOf<Shape extends z.ZodRawShape> = z.infer<z.ZodObject<Shape>>;
