import type { ShareRecord } from './tenant.js';

// The tenant's printer shares: the follow-me share people print to for pull printing (behind the
// Floor 1 release queue's trigger) and the reception printer's share, which prints at once.
// What each share can do is its printer's (device-profiles.ts).

/** Fixed, so READMEs and tests can show copy-pasteable requests (`DEMO.shares`). */
export const SHARE_IDS = {
  followMe: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a01',
  reception: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a02',
} as const;

/** The printers behind the shares (seed.ts passes its DEMO ids, so there is no import loop). */
export interface SharedPrinters {
  releaseQueue: string;
  reception: string;
}

const SHARED = '2024-03-04T09:30:00Z';

function followMe(printerId: string): ShareRecord {
  return {
    id: SHARE_IDS.followMe,
    displayName: 'Follow-me printing',
    printerId,
    createdDateTime: SHARED,
    site: 'Redmond campus',
  };
}

function reception(printerId: string): ShareRecord {
  return {
    id: SHARE_IDS.reception,
    displayName: 'Reception LaserJet',
    printerId,
    createdDateTime: SHARED,
    site: 'Redmond campus',
  };
}

export function shares(printers: SharedPrinters): ShareRecord[] {
  return [followMe(printers.releaseQueue), reception(printers.reception)];
}
