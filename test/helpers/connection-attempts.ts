/**
 * Every connection undici sets out to open in this process (the gateway's pool to Graph, and
 * `fetch`, which runs on undici too), seen through undici's diagnostics channel before any DNS
 * lookup or socket: so a request that would have gone to a host no test can listen on (`print`,
 * port 443) is seen as well as one to a loopback listener.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, beforeEach } from 'vitest';

interface BeforeConnect {
  connectParams: { protocol: string; host: string };
}

/** Origins (`https://print`, `http://127.0.0.1:4010`) connected to since the test began. */
export function useConnectionAttempts(): { origins(): string[] } {
  let origins: string[] = [];
  const record = (message: unknown) => {
    const { protocol, host } = (message as BeforeConnect).connectParams;
    origins.push(`${protocol}//${host}`);
  };
  beforeEach(() => {
    origins = [];
    subscribe('undici:client:beforeConnect', record);
  });
  afterEach(() => {
    unsubscribe('undici:client:beforeConnect', record);
  });
  return { origins: () => [...origins] };
}
