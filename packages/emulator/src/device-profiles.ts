import type { DeviceProfile } from './tenant.js';

// What the demo tenant's devices can do: Graph's printerCapabilities and printerDefaults, by
// their member names (resources/printercapabilities.md, printerdefaults.md). One copy of each
// profile: a printer carries its own, and a share reads as the printer it prints to, so the
// follow-me share and the Floor 1 queue behind it state the same capabilities, as do the
// reception share and the reception printer.

const OFFICE_MEDIA = ['A4', 'A3', 'North America Letter', 'North America Legal'];

/** An office colour multifunction device: colour, both duplex edges, A3, stapling. */
export function colourDuplexProfile(): DeviceProfile {
  return {
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

/** A monochrome, one-sided desk laser: black and white only, A4 and Letter, ten copies. */
export function monochromeSimplexProfile(): DeviceProfile {
  return {
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
