/** Turns the validated configuration into the authentication the app runs with. */

import type { AuthenticationOptions } from './authenticate.js';
import { createEntraTokenValidator } from './entra-token.js';
import type { CallerAuth, EntraSettings } from './settings.js';

/**
 * @param emulatedEntra the embedded emulator's Entra, known only once the emulator listens;
 *   required when the configuration says to validate against it.
 */
export function authenticationFrom(
  config: CallerAuth,
  emulatedEntra?: EntraSettings,
): AuthenticationOptions {
  const entra = config.entra?.kind === 'embedded-emulator' ? emulatedEntra : config.entra;
  if (config.entra && !entra) {
    throw new Error('Entra validation against the embedded emulator needs its settings');
  }
  return {
    serviceKeys: config.serviceKeys,
    allowAnonymous: config.allowAnonymous,
    ...(entra ? { entra: createEntraTokenValidator(entra) } : {}),
  };
}
