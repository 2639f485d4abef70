/**
 * createPrintJob's check of a document and its settings against a printer share's capabilities
 * (src/domain/printing/share-capabilities.ts): each refusal names the field and what is allowed.
 */
import type { PrinterCapabilities } from '@universal-print-gateway/graph-client';
import { describe, expect, it } from 'vitest';
import {
  capabilityIssues,
  configurationIssues,
} from '../../packages/gateway/src/domain/printing/share-capabilities.js';

/** Like the emulator's follow-me share: PDF and OXPS, colour, duplex. */
const FOLLOW_ME: PrinterCapabilities = {
  contentTypes: ['application/pdf', 'application/oxps'],
  copiesPerJob: { start: 1, end: 99 },
  duplexModes: ['oneSided', 'flipOnLongEdge', 'flipOnShortEdge'],
  colorModes: ['color', 'grayscale'],
  mediaSizes: ['A4', 'North America Letter'],
  orientations: ['portrait', 'landscape'],
  qualities: ['medium'],
  pagesPerSheet: [1, 2, 4],
  isPageRangeSupported: false,
  collation: true,
};

const PDF = { name: 'report.pdf', contentType: 'application/pdf', size: 1_000 };

describe('capabilityIssues', () => {
  it('a PDF with settings the share lists: no issue', () => {
    expect(
      capabilityIssues(FOLLOW_ME, PDF, {
        copies: 99,
        duplexMode: 'flipOnLongEdge',
        colorMode: 'color',
        mediaSize: 'A4',
        orientation: 'landscape',
        quality: 'medium',
        pagesPerSheet: 2,
        collate: true,
      }),
    ).toEqual([]);
    expect(capabilityIssues(FOLLOW_ME, PDF, undefined)).toEqual([]);
  });

  it('a content type the share does not take names the field and the allowed types', () => {
    expect(capabilityIssues(FOLLOW_ME, { ...PDF, contentType: 'image/png' }, undefined)).toEqual([
      {
        path: ['input', 'document', 'contentType'],
        message:
          'is not a content type this printer share accepts (allowed: application/pdf, ' +
          'application/oxps)',
      },
    ]);
  });

  it('copies outside the range, each enumerated setting not listed: one issue each', () => {
    const issues = capabilityIssues(FOLLOW_ME, PDF, {
      copies: 100,
      duplexMode: 'oneSided',
      colorMode: 'blackAndWhite',
      mediaSize: 'A3',
      orientation: 'reversePortrait',
      quality: 'high',
      scaling: 'fit',
      pagesPerSheet: 16,
    });
    expect(issues).toEqual([
      {
        path: ['input', 'configuration', 'copies'],
        message: 'must be between 1 and 99 on this printer share',
      },
      {
        path: ['input', 'configuration', 'colorMode'],
        message: 'is not one this printer share supports (allowed: color, grayscale)',
      },
      {
        path: ['input', 'configuration', 'orientation'],
        message: 'is not one this printer share supports (allowed: portrait, landscape)',
      },
      {
        path: ['input', 'configuration', 'quality'],
        message: 'is not one this printer share supports (allowed: medium)',
      },
      {
        path: ['input', 'configuration', 'scaling'],
        message: 'is not one this printer share supports (this share lists none)',
      },
      {
        path: ['input', 'configuration', 'mediaSize'],
        message: 'is not one this printer share supports (allowed: A4, North America Letter)',
      },
      {
        path: ['input', 'configuration', 'pagesPerSheet'],
        message: 'is not one this printer share supports (allowed: 1, 2, 4)',
      },
    ]);
  });

  it('page ranges and fit-to-page on a share that does not support them', () => {
    const issues = capabilityIssues(FOLLOW_ME, PDF, {
      pageRanges: [{ start: 1, end: 2 }],
      fitPdfToPage: true,
      collate: false,
    });
    expect(issues.map((issue) => issue.path.at(-1))).toEqual(['pageRanges', 'fitPdfToPage']);
  });

  it('a share that states no capabilities takes no document: nothing is guessed', () => {
    expect(capabilityIssues(null, PDF, { copies: 2 })).toEqual([
      {
        path: ['input', 'document', 'contentType'],
        message: 'is not a content type this printer share accepts (this share lists none)',
      },
      {
        path: ['input', 'configuration', 'copies'],
        message: 'must be between 1 and 1 on this printer share',
      },
    ]);
  });

  it('a copies range without an upper bound takes any number from its start', () => {
    const open = { ...FOLLOW_ME, copiesPerJob: { start: 2, end: null } };
    expect(capabilityIssues(open, PDF, { copies: 500 })).toEqual([]);
    expect(capabilityIssues(open, PDF, { copies: 1 })).toEqual([
      {
        path: ['input', 'configuration', 'copies'],
        message: 'must be at least 2 on this printer share',
      },
    ]);
  });
});

describe('configurationIssues, for a printer (a redirect destination)', () => {
  /** Like the emulator's reception device: monochrome, one-sided. */
  const MONOCHROME: PrinterCapabilities = {
    ...FOLLOW_ME,
    colorModes: ['blackAndWhite'],
    duplexModes: ['oneSided'],
    copiesPerJob: { start: 1, end: 10 },
  };

  it('names the printer and what it allows; no document is checked', () => {
    expect(
      configurationIssues(
        MONOCHROME,
        { colorMode: 'color', copies: 11, pageRanges: [] },
        'printer',
      ),
    ).toEqual([
      {
        path: ['input', 'configuration', 'copies'],
        message: 'must be between 1 and 10 on this printer',
      },
      {
        path: ['input', 'configuration', 'colorMode'],
        message: 'is not one this printer supports (allowed: blackAndWhite)',
      },
    ]);
    expect(
      configurationIssues({ ...MONOCHROME, scalings: [] }, { scaling: 'fit' }, 'printer'),
    ).toEqual([
      {
        path: ['input', 'configuration', 'scaling'],
        message: 'is not one this printer supports (this printer lists none)',
      },
    ]);
  });

  it('a configuration the printer can do, or none: no issue', () => {
    expect(
      configurationIssues(MONOCHROME, { colorMode: 'blackAndWhite', copies: 10 }, 'printer'),
    ).toEqual([]);
    expect(configurationIssues(MONOCHROME, undefined, 'printer')).toEqual([]);
  });
});
