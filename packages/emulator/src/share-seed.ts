import type { ShareRecord } from './tenant.js';

// The tenant's printer shares: the follow-me share people print to for pull printing (behind the
// Floor 1 release queue's trigger) and the reception printer's share, which prints at once.
// Capabilities and defaults use the member names of Graph's printerCapabilities and
// printerDefaults (resources/printercapabilities.md, printerdefaults.md).

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
const OFFICE_MEDIA = ['A4', 'A3', 'North America Letter', 'North America Legal'];

function followMe(printerId: string): ShareRecord {
  return {
    id: SHARE_IDS.followMe,
    displayName: 'Follow-me printing',
    printerId,
    createdDateTime: SHARED,
    site: 'Redmond campus',
    capabilities: {
      contentTypes: ['application/pdf', 'application/oxps'],
      copiesPerJob: { start: 1, end: 99 },
      colorModes: ['blackAndWhite', 'grayscale', 'color'],
      duplexModes: ['oneSided', 'flipOnLongEdge', 'flipOnShortEdge'],
      mediaSizes: OFFICE_MEDIA,
      mediaTypes: ['stationery'],
      orientations: ['portrait', 'landscape'],
      qualities: ['medium', 'high'],
      dpis: [300, 600],
      collation: true,
      isColorPrintingSupported: true,
      isPageRangeSupported: true,
      supportsFitPdfToPage: true,
      pagesPerSheet: [1, 2, 4],
      scalings: ['auto', 'shrinkToFit', 'fill', 'fit', 'none'],
      finishings: ['none', 'staple'],
    },
    defaults: {
      contentType: 'application/pdf',
      copiesPerJob: 1,
      colorMode: 'blackAndWhite',
      duplexMode: 'flipOnLongEdge',
      mediaSize: 'A4',
      mediaType: 'stationery',
      orientation: 'portrait',
      quality: 'medium',
      dpi: 600,
      fitPdfToPage: false,
      pagesPerSheet: 1,
      scaling: 'auto',
      finishings: ['none'],
    },
  };
}

function reception(printerId: string): ShareRecord {
  return {
    id: SHARE_IDS.reception,
    displayName: 'Reception LaserJet',
    printerId,
    createdDateTime: SHARED,
    site: 'Redmond campus',
    capabilities: {
      contentTypes: ['application/pdf'],
      copiesPerJob: { start: 1, end: 10 },
      colorModes: ['blackAndWhite'],
      duplexModes: ['oneSided'],
      mediaSizes: ['A4', 'North America Letter'],
      mediaTypes: ['stationery'],
      orientations: ['portrait', 'landscape'],
      qualities: ['medium'],
      dpis: [600],
      collation: false,
      isColorPrintingSupported: false,
      isPageRangeSupported: true,
      supportsFitPdfToPage: true,
      pagesPerSheet: [1],
      scalings: ['auto', 'shrinkToFit'],
      finishings: ['none'],
    },
    defaults: {
      contentType: 'application/pdf',
      copiesPerJob: 1,
      colorMode: 'blackAndWhite',
      duplexMode: 'oneSided',
      mediaSize: 'A4',
      mediaType: 'stationery',
      orientation: 'portrait',
      quality: 'medium',
      dpi: 600,
      fitPdfToPage: false,
      pagesPerSheet: 1,
      scaling: 'auto',
      finishings: ['none'],
    },
  };
}

export function shares(printers: SharedPrinters): ShareRecord[] {
  return [followMe(printers.releaseQueue), reception(printers.reception)];
}
