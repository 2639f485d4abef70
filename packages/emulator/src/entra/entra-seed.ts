// The emulated Entra ID directory: tenants, the apps that ask for tokens, and people who sign in.
// Fixed ids and secrets, so READMEs and tests can show copy-pasteable requests.
import { DEMO } from '../seed.js';

export interface EntraClientApp {
  appId: string;
  displayName: string;
  /** The app's service principal in its tenant: the `oid` of its app-only tokens. */
  servicePrincipalId: string;
  /** Confidential clients have one; public clients (ROPC from a device) do not. */
  secret: string | null;
  /** App roles granted on the gateway's API: the `roles` of its app-only tokens. */
  roles: string[];
}

export interface EntraPerson {
  /** The user's object id: `oid`, and the same id as the user in the Graph tenant. */
  objectId: string;
  userPrincipalName: string;
  displayName: string;
  password: string;
}

export interface EntraTenant {
  id: string;
  displayName: string;
  apps: EntraClientApp[];
  people: EntraPerson[];
}

/** The gateway's own app registration: what tokens for the gateway are issued to (`aud`). */
export const GATEWAY_API = {
  clientId: DEMO.gatewayAppId,
  appIdUri: `api://${DEMO.gatewayAppId}`,
  /**
   * Delegated scopes the API exposes; every seeded person has consented to them. `Print.Submit`
   * is the gateway's printing scope (docs/authorization.md, "Printing as a person").
   */
  scopes: ['Print.Release', 'Print.Submit'],
} as const;

export const ENTRA = {
  /** The tenant the Universal Print demo lives in. */
  tenantId: '6c3f9a2e-1b4d-4e8f-a5c7-2d9e0b1f3a40',
  /** Another tenant whose tokens the gateway does not accept (it is not in its allow-list). */
  otherTenantId: '8e2d4c6a-0b1f-4a3c-9d5e-7f1a2b3c4d50',
  apps: {
    /** A release station at the printer: app-only, releases anyone's job. */
    releaseStation: {
      appId: '2a4c6e8f-1b3d-4f5a-9c7e-0d2f4a6b8c10',
      displayName: 'Floor Release Station',
      servicePrincipalId: '7b9d1f3a-5c2e-4a6b-8d0f-1e3a5c7b9d20',
      secret: 'emulator-release-station-secret',
      roles: ['Print.Release.All'],
    },
    /** A read-only dashboard: app-only, reads every job. */
    dashboard: {
      appId: '3b5d7f9a-2c4e-4a6b-8d1f-3a5c7e9b1d30',
      displayName: 'Print Queue Dashboard',
      servicePrincipalId: '9d1f3b5d-7e4a-4c6b-8e2f-4b6d8f0a2c40',
      secret: 'emulator-dashboard-secret',
      roles: ['Print.Read.All'],
    },
    /** The people's client (a web or mobile release app): a public client, used with ROPC. */
    releaseApp: {
      appId: '4c6e8a0b-3d5f-4b7c-9e2a-5c7e9a1b3d50',
      displayName: 'Contoso Print Release',
      servicePrincipalId: '1f3b5d7f-9a6c-4e8d-8a4b-6d8f0b2c4e60',
      secret: null,
      roles: [],
    },
    /**
     * The gateway itself as a confidential client: its client-credentials token for Graph, the
     * one a gateway configured with AZURE_* against this emulator gets (readiness test).
     */
    gateway: {
      appId: DEMO.gatewayAppId,
      displayName: 'Print Release Gateway',
      servicePrincipalId: '0e2a4c6e-8b1d-4f3a-9c5e-7a9c1e3b5d90',
      secret: 'emulator-gateway-secret',
      roles: [],
    },
    /** Fabrikam's kiosk, registered in the other tenant. */
    otherTenantKiosk: {
      appId: '5d7f9b1c-4e6a-4c8d-8f3b-6d8f0b2c4e70',
      displayName: 'Fabrikam Kiosk',
      servicePrincipalId: '2a4c6e8a-0b7d-4f9e-9b5c-7e9a1c3d5f80',
      secret: 'emulator-fabrikam-kiosk-secret',
      roles: ['Print.Release.All'],
    },
  },
  people: {
    adele: {
      objectId: DEMO.users.adele.id,
      userPrincipalName: DEMO.users.adele.userPrincipalName,
      displayName: DEMO.users.adele.displayName,
      password: 'emulator-adele-password',
    },
    megan: {
      objectId: DEMO.users.megan.id,
      userPrincipalName: DEMO.users.megan.userPrincipalName,
      displayName: DEMO.users.megan.displayName,
      password: 'emulator-megan-password',
    },
  },
} as const;

/** @param morePeople Contoso's people besides the seeded two (EmulatedEntraOptions). */
export function entraTenants(morePeople: readonly EntraPerson[] = []): EntraTenant[] {
  const { apps, people } = ENTRA;
  return [
    {
      id: ENTRA.tenantId,
      displayName: 'Contoso',
      apps: [apps.releaseStation, apps.dashboard, apps.releaseApp, apps.gateway].map(copyApp),
      people: [people.adele, people.megan, ...morePeople].map((person) => ({ ...person })),
    },
    {
      id: ENTRA.otherTenantId,
      displayName: 'Fabrikam',
      apps: [copyApp(apps.otherTenantKiosk)],
      people: [],
    },
  ];
}

function copyApp(app: {
  appId: string;
  displayName: string;
  servicePrincipalId: string;
  secret: string | null;
  roles: readonly string[];
}): EntraClientApp {
  return { ...app, roles: [...app.roles] };
}

/** What the gateway validates against when it runs on the embedded emulator. */
export function emulatedEntraSettings(emulatorUrl: string): {
  authorityHost: string;
  tenantIds: string[];
  audiences: string[];
} {
  return {
    authorityHost: emulatorUrl,
    tenantIds: [ENTRA.tenantId],
    audiences: [GATEWAY_API.clientId, GATEWAY_API.appIdUri],
  };
}
