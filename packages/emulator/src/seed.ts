import type { Caller } from './auth.js';
import { colourDuplexProfile, monochromeSimplexProfile } from './device-profiles.js';
import {
  type ConfigurationPatch,
  defaultConfiguration,
  mergeConfiguration,
} from './print-job-configuration.js';
import { SHARE_IDS, shares } from './share-seed.js';
import { DEFAULT_DOCUMENT_CONTENT_TYPE, WAITING_TASK_DESCRIPTION } from './store.js';
import type {
  DefinitionRecord,
  DemoUser,
  JobPhase,
  JobRecord,
  PrinterRecord,
  TaskRecord,
  TaskState,
  TenantState,
} from './tenant.js';

// Fixed ids and tokens, so READMEs and tests can show copy-pasteable queries.

export const EMULATOR_TOKENS = {
  gatewayApp: 'emulator-gateway-app-token',
  otherApp: 'emulator-other-app-token',
  user: 'emulator-user-token',
} as const;

const USERS = {
  adele: {
    id: '4f1d9a2e-6b3c-4e7a-9d10-2a5b8c3e7f01',
    displayName: 'Adele Vance',
    userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
  },
  megan: {
    id: '9c2e7b41-3a5d-4f86-b1c9-0d4e6f8a2b02',
    displayName: 'Megan Bowen',
    userPrincipalName: 'MeganB@contoso.onmicrosoft.com',
  },
} as const satisfies Record<string, DemoUser>;

export const DEMO = {
  gatewayAppId: '3f1a9c52-6d7e-4b8a-9c0d-1e2f3a4b5c6d',
  otherAppId: '8b2c4d6e-0f1a-4b3c-8d5e-7f9a0b1c2d3e',
  taskDefinitionId: 'd7c1e5a0-3b2f-4e6d-9a8c-1f0e2d3c4b5a',
  otherTaskDefinitionId: 'e4a2b6c8-1d3f-4a5b-8c7d-9e0f1a2b3c4d',
  /** The delegated `user` token signs in as Adele, a Printer Administrator. */
  users: USERS,
  printers: {
    floor1: '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f61',
    floor2: '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f62',
    /** The reception device: monochrome, one-sided (device-profiles.ts). */
    direct: '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f63',
    otherApp: '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f64',
    /** A device on Floor 2: colour, both duplex edges (device-profiles.ts). */
    floor2Colour: '0c8e7a6b-5d4c-4b3a-8f2e-1d0c9b8a7f65',
  },
  /** Printer shares: follow-me (Floor 1's release queue, PDF/OXPS, colour, duplex), reception. */
  shares: SHARE_IDS,
  triggers: {
    floor1: '6a0b1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c01',
    floor2: '6a0b1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c02',
    otherApp: '6a0b1c2d-3e4f-4a5b-9c6d-7e8f9a0b1c03',
  },
  jobs: {
    floor1WaitingAdele: '5182',
    floor1WaitingMegan: '5183',
    floor1Completed: '5184',
    floor1Aborted: '5185',
    floor1Canceled: '5186',
    floor2WaitingMegan: '5190',
    floor2WaitingAdele: '5191',
    directProcessing: '5200',
    directCompleted: '5201',
    otherAppWaiting: '5300',
  },
  tasks: {
    floor1WaitingAdele: 'a5d0c1e2-7f3b-4c9a-8e1d-000000005182',
    floor1WaitingMegan: 'a5d0c1e2-7f3b-4c9a-8e1d-000000005183',
    floor1Completed: 'a5d0c1e2-7f3b-4c9a-8e1d-000000005184',
    floor1Aborted: 'a5d0c1e2-7f3b-4c9a-8e1d-000000005185',
    floor1Canceled: 'a5d0c1e2-7f3b-4c9a-8e1d-000000005186',
    floor2WaitingMegan: 'a5d0c1e2-7f3b-4c9a-8e1d-000000005190',
    floor2WaitingAdele: 'a5d0c1e2-7f3b-4c9a-8e1d-000000005191',
    otherAppWaiting: 'a5d0c1e2-7f3b-4c9a-8e1d-000000005300',
  },
} as const;

const GATEWAY_APP = { appId: DEMO.gatewayAppId, displayName: 'Print Release Gateway' };
const OTHER_APP = { appId: DEMO.otherAppId, displayName: 'Contoso Secure Print' };

/** The tokens the emulator accepts and who each one authenticates. */
export function demoCallers(): ReadonlyMap<string, Caller> {
  return new Map<string, Caller>([
    [EMULATOR_TOKENS.gatewayApp, { kind: 'app', ...GATEWAY_APP }],
    [EMULATOR_TOKENS.otherApp, { kind: 'app', ...OTHER_APP }],
    [
      EMULATOR_TOKENS.user,
      {
        kind: 'user',
        appId: DEMO.gatewayAppId,
        user: { ...USERS.adele },
        printerAdministrator: true,
      },
    ],
  ]);
}

const MINUTE = 60_000;

function printers(now: number): PrinterRecord[] {
  const registered = '2024-03-04T09:15:00Z';
  const hq = {
    building: 'Contoso HQ',
    site: 'Redmond campus',
    streetAddress: '1 Contoso Way',
    city: 'Redmond',
    stateOrProvince: 'WA',
    postalCode: '98052',
    countryOrRegion: 'US',
  };
  // A virtual release queue has no device to be seen; a device checked in a minute ago.
  const virtualQueue = { hasPhysicalDevice: false, lastSeenDateTime: null };
  const device = {
    hasPhysicalDevice: true,
    lastSeenDateTime: new Date(now - MINUTE).toISOString(),
  };
  return [
    {
      id: DEMO.printers.floor1,
      displayName: 'Secure Release - Floor 1',
      manufacturer: 'Contoso',
      model: 'Virtual Release Queue',
      ...virtualQueue,
      registeredDateTime: registered,
      location: { ...hq, floor: '1', roomName: 'Copy room 1.04' },
      profile: colourDuplexProfile(),
      trigger: { id: DEMO.triggers.floor1, definitionId: DEMO.taskDefinitionId },
    },
    {
      id: DEMO.printers.floor2,
      displayName: 'Secure Release - Floor 2',
      manufacturer: 'Contoso',
      model: 'Virtual Release Queue',
      ...virtualQueue,
      registeredDateTime: registered,
      location: { ...hq, floor: '2', roomName: 'Copy room 2.11' },
      profile: colourDuplexProfile(),
      trigger: { id: DEMO.triggers.floor2, definitionId: DEMO.taskDefinitionId },
    },
    {
      id: DEMO.printers.direct,
      displayName: 'Reception LaserJet',
      manufacturer: 'HP',
      model: 'LaserJet Enterprise M611',
      ...device,
      registeredDateTime: registered,
      location: { ...hq, floor: '0', roomName: 'Reception', roomDescription: 'Front desk' },
      profile: monochromeSimplexProfile(),
      trigger: null,
    },
    {
      id: DEMO.printers.otherApp,
      displayName: 'Secure Print - Finance',
      manufacturer: 'Contoso',
      model: 'Virtual Release Queue',
      ...virtualQueue,
      registeredDateTime: registered,
      location: { ...hq, floor: '3', roomName: 'Finance' },
      profile: colourDuplexProfile(),
      trigger: { id: DEMO.triggers.otherApp, definitionId: DEMO.otherTaskDefinitionId },
    },
    {
      id: DEMO.printers.floor2Colour,
      displayName: 'Floor 2 Colour MFP',
      manufacturer: 'Canon',
      model: 'imageRUNNER ADVANCE C5840i',
      ...device,
      registeredDateTime: registered,
      location: { ...hq, floor: '2', roomName: 'Copy room 2.11' },
      profile: colourDuplexProfile(),
      trigger: null,
    },
  ];
}

function definitions(): DefinitionRecord[] {
  return [
    { id: DEMO.taskDefinitionId, displayName: 'Release at printer', createdBy: { ...GATEWAY_APP } },
    {
      id: DEMO.otherTaskDefinitionId,
      displayName: 'Finance secure print',
      createdBy: { ...OTHER_APP },
    },
  ];
}

interface SeedJob {
  id: string;
  printerId: string;
  user: DemoUser;
  documentName: string;
  configuration?: ConfigurationPatch;
  minutesAgo: number;
  phase: JobPhase;
  task?: {
    id: string;
    definitionId: string;
    triggerId: string;
    state: TaskState;
    description: string;
  };
}

function seedJobs(now: number): SeedJob[] {
  const waiting: JobPhase = { kind: 'releaseWait' };
  const printedAt = (minutesAgo: number): JobPhase => ({
    kind: 'released',
    releasedAt: now - minutesAgo * MINUTE,
    printsForMs: 0,
  });
  const gatewayTask = (id: string, triggerId: string, state: TaskState, description: string) => ({
    id,
    definitionId: DEMO.taskDefinitionId,
    triggerId,
    state,
    description,
  });
  const { floor1, floor2 } = DEMO.triggers;
  return [
    {
      id: DEMO.jobs.floor1WaitingAdele,
      printerId: DEMO.printers.floor1,
      user: USERS.adele,
      documentName: 'Q3 budget review.pdf',
      minutesAgo: 12,
      phase: waiting,
      task: gatewayTask(
        DEMO.tasks.floor1WaitingAdele,
        floor1,
        'processing',
        WAITING_TASK_DESCRIPTION,
      ),
    },
    {
      id: DEMO.jobs.floor1WaitingMegan,
      printerId: DEMO.printers.floor1,
      user: USERS.megan,
      documentName: 'Travel itinerary.docx',
      minutesAgo: 9,
      phase: waiting,
      task: gatewayTask(
        DEMO.tasks.floor1WaitingMegan,
        floor1,
        'processing',
        WAITING_TASK_DESCRIPTION,
      ),
    },
    {
      id: DEMO.jobs.floor1Completed,
      printerId: DEMO.printers.floor1,
      user: USERS.adele,
      documentName: 'Boarding pass.pdf',
      minutesAgo: 55,
      phase: printedAt(50),
      task: gatewayTask(
        DEMO.tasks.floor1Completed,
        floor1,
        'completed',
        'Released by Adele Vance at Floor 1.',
      ),
    },
    {
      id: DEMO.jobs.floor1Aborted,
      printerId: DEMO.printers.floor1,
      user: USERS.megan,
      documentName: 'Draft contract.docx',
      minutesAgo: 48,
      phase: {
        kind: 'aborted',
        at: now - 40 * MINUTE,
        description: 'The job was aborted by the application: not released in time.',
      },
      task: gatewayTask(DEMO.tasks.floor1Aborted, floor1, 'aborted', 'The print job was aborted.'),
    },
    {
      id: DEMO.jobs.floor1Canceled,
      printerId: DEMO.printers.floor1,
      user: USERS.adele,
      documentName: 'Old slides.pptx',
      minutesAgo: 35,
      phase: { kind: 'canceled', at: now - 30 * MINUTE },
      task: gatewayTask(
        DEMO.tasks.floor1Canceled,
        floor1,
        'aborted',
        'The job was canceled by the user.',
      ),
    },
    {
      id: DEMO.jobs.floor2WaitingMegan,
      printerId: DEMO.printers.floor2,
      user: USERS.megan,
      documentName: 'Onboarding checklist.pdf',
      minutesAgo: 7,
      phase: waiting,
      task: gatewayTask(
        DEMO.tasks.floor2WaitingMegan,
        floor2,
        'processing',
        WAITING_TASK_DESCRIPTION,
      ),
    },
    {
      id: DEMO.jobs.floor2WaitingAdele,
      printerId: DEMO.printers.floor2,
      user: USERS.adele,
      documentName: 'Team photo.png',
      configuration: { colorMode: 'color', duplexMode: 'oneSided', quality: 'high' },
      minutesAgo: 4,
      phase: waiting,
      task: gatewayTask(
        DEMO.tasks.floor2WaitingAdele,
        floor2,
        'processing',
        WAITING_TASK_DESCRIPTION,
      ),
    },
    {
      id: DEMO.jobs.directProcessing,
      printerId: DEMO.printers.direct,
      user: USERS.megan,
      documentName: 'Visitor badges.pdf',
      minutesAgo: 3,
      // Never finishes, so the demo always shows one job the printer is still working on.
      phase: {
        kind: 'released',
        releasedAt: now - 3 * MINUTE,
        printsForMs: Number.POSITIVE_INFINITY,
      },
    },
    {
      id: DEMO.jobs.directCompleted,
      printerId: DEMO.printers.direct,
      user: USERS.adele,
      documentName: 'Parking permit.pdf',
      minutesAgo: 90,
      phase: printedAt(89),
    },
    {
      id: DEMO.jobs.otherAppWaiting,
      printerId: DEMO.printers.otherApp,
      user: USERS.adele,
      documentName: 'Payroll March.xlsx',
      minutesAgo: 6,
      phase: waiting,
      task: {
        id: DEMO.tasks.otherAppWaiting,
        definitionId: DEMO.otherTaskDefinitionId,
        triggerId: DEMO.triggers.otherApp,
        state: 'processing',
        description: 'Waiting for finance approval.',
      },
    },
  ];
}

/** A fresh copy of the demo tenant; `reset()` calls this again so no state leaks between runs. */
export function createDemoTenant(now: number): TenantState {
  const tenant: TenantState = {
    users: [{ ...USERS.adele }, { ...USERS.megan }],
    printers: new Map(printers(now).map((p) => [p.id, p])),
    shares: new Map(
      shares({ releaseQueue: DEMO.printers.floor1, reception: DEMO.printers.direct }).map(
        (share) => [share.id, share],
      ),
    ),
    definitions: new Map(definitions().map((d) => [d.id, d])),
    tasks: new Map<string, TaskRecord>(),
    jobs: new Map<string, JobRecord>(),
  };
  for (const seed of seedJobs(now)) {
    tenant.jobs.set(seed.id, {
      id: seed.id,
      printerId: seed.printerId,
      createdDateTime: new Date(now - seed.minutesAgo * MINUTE).toISOString(),
      createdBy: { ...seed.user },
      configuration: mergeConfiguration(defaultConfiguration(), seed.configuration),
      document: {
        id: `d0c0ffee-0000-4000-8000-${seed.id.padStart(12, '0')}`,
        displayName: seed.documentName,
        contentType: DEFAULT_DOCUMENT_CONTENT_TYPE,
        size: 48_213 + Number(seed.id),
      },
      redirectedFrom: null,
      phase: seed.phase,
    });
    if (seed.task) {
      tenant.tasks.set(seed.task.id, { ...seed.task, printerId: seed.printerId, jobId: seed.id });
    }
  }
  return tenant;
}
