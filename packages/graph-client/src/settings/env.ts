/**
 * What the Graph client's settings are written with: its own error for an environment that names
 * no usable Graph, and the small validators the gateway's settings pieces share too (the
 * gateway's settings/env.ts re-exports them: the client sits below the gateway, never above).
 */
import { z } from 'zod';

/**
 * The Graph settings cannot work; the message says which variable. The client knows nothing of
 * the process it runs in: the gateway's config.ts turns this into its ConfigError, which stops
 * the process with that message.
 */
export class GraphSettingsError extends Error {
  override readonly name = 'GraphSettingsError';
}

/** Unset, or a value with something other than blanks in it. */
export const nonEmpty = z.string().trim().min(1).optional();

/** Where plain `http` is accepted instead of https: this machine (the emulator, a test server). */
export const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
