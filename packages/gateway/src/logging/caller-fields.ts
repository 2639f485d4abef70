/** Who called, as log lines show it: the kind and an id that is an identifier, never a secret. */
import type { Caller } from '../auth/caller.js';
import type { CallerSeen } from './request-scope.js';

export function callerFields(caller: Caller): CallerSeen {
  switch (caller.kind) {
    case 'person':
      return { kind: 'person', id: caller.objectId };
    case 'app':
      return { kind: 'app', id: caller.appId };
    case 'service-key':
      return { kind: 'service-key', id: caller.name };
    case 'anonymous':
      return { kind: 'anonymous' };
  }
}
