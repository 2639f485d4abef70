import { invalidRequest } from './graph-errors.js';
import { isJsonObject } from './json-object.js';

// Graph v1.0's printJobConfiguration (resources/printjobconfiguration.md; the typings'
// `PrintJobConfiguration`). Every field Graph lists, and only those: an unknown field answers 400
// the way Graph's model binding does, so a client cannot believe it set something.

export interface IntegerRange {
  start: number;
  end: number;
}

export interface PrintMargin {
  top: number | null;
  bottom: number | null;
  left: number | null;
  right: number | null;
}

export interface PrintJobConfiguration {
  collate: boolean | null;
  colorMode: string | null;
  copies: number | null;
  dpi: number | null;
  duplexMode: string | null;
  feedOrientation: string | null;
  finishings: string[] | null;
  fitPdfToPage: boolean | null;
  inputBin: string | null;
  margin: PrintMargin | null;
  mediaSize: string | null;
  mediaType: string | null;
  multipageLayout: string | null;
  orientation: string | null;
  outputBin: string | null;
  pageRanges: IntegerRange[] | null;
  pagesPerSheet: number | null;
  quality: string | null;
  scaling: string | null;
}

export type ConfigurationPatch = Partial<PrintJobConfiguration>;

/** What a Windows client typically sends for a one-copy office document. */
export function defaultConfiguration(): PrintJobConfiguration {
  return {
    collate: true,
    colorMode: 'blackAndWhite',
    copies: 1,
    dpi: 600,
    duplexMode: 'flipOnLongEdge',
    feedOrientation: null,
    finishings: [],
    fitPdfToPage: false,
    inputBin: null,
    margin: null,
    mediaSize: 'A4',
    mediaType: null,
    multipageLayout: null,
    orientation: 'portrait',
    outputBin: null,
    pageRanges: [],
    pagesPerSheet: 1,
    quality: 'medium',
    scaling: null,
  };
}

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  colorMode: ['blackAndWhite', 'grayscale', 'color', 'auto'],
  duplexMode: ['flipOnLongEdge', 'flipOnShortEdge', 'oneSided'],
  feedOrientation: ['longEdgeFirst', 'shortEdgeFirst'],
  multipageLayout: [
    'clockwiseFromTopLeft',
    'counterclockwiseFromTopLeft',
    'counterclockwiseFromTopRight',
    'clockwiseFromTopRight',
    'counterclockwiseFromBottomLeft',
    'clockwiseFromBottomLeft',
    'counterclockwiseFromBottomRight',
    'clockwiseFromBottomRight',
  ],
  orientation: ['portrait', 'landscape', 'reverseLandscape', 'reversePortrait'],
  quality: ['low', 'medium', 'high'],
  scaling: ['auto', 'shrinkToFit', 'fill', 'fit', 'none'],
};
const STRINGS = ['inputBin', 'mediaSize', 'mediaType', 'outputBin'];
const BOOLEANS = ['collate', 'fitPdfToPage'];
const POSITIVE_INTEGERS = ['copies', 'dpi', 'pagesPerSheet'];

const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(defaultConfiguration()));

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

function invalidField(name: string, expected: string): never {
  throw invalidRequest(`configuration.${name} must be ${expected}.`);
}

function parseField(name: string, value: unknown): unknown {
  const allowed = ENUMS[name];
  if (allowed !== undefined) {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      invalidField(name, `one of ${allowed.join(', ')}`);
    }
    return value;
  }
  if (STRINGS.includes(name)) {
    return typeof value === 'string' ? value : invalidField(name, 'a string');
  }
  if (BOOLEANS.includes(name)) {
    return typeof value === 'boolean' ? value : invalidField(name, 'a boolean');
  }
  if (POSITIVE_INTEGERS.includes(name)) {
    return isPositiveInteger(value) ? value : invalidField(name, 'a positive integer');
  }
  if (name === 'finishings') {
    const ok = Array.isArray(value) && value.every((entry) => typeof entry === 'string');
    return ok ? [...value] : invalidField(name, 'an array of printFinishing strings');
  }
  if (name === 'pageRanges') {
    return parsePageRanges(value);
  }
  return parseMargin(value);
}

function parsePageRanges(value: unknown): IntegerRange[] {
  if (!Array.isArray(value)) invalidField('pageRanges', 'an array of {start, end}');
  return value.map((range) => {
    const start = isJsonObject(range) ? range['start'] : undefined;
    const end = isJsonObject(range) ? range['end'] : undefined;
    if (!isPositiveInteger(start) || !isPositiveInteger(end) || end < start) {
      invalidField('pageRanges', 'ranges of positive integers with start <= end');
    }
    return { start, end };
  });
}

function parseMargin(value: unknown): PrintMargin {
  if (!isJsonObject(value)) invalidField('margin', 'an object');
  const side = (key: string): number | null => {
    const v = value[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      invalidField(`margin.${key}`, 'a non-negative integer');
    }
    return v;
  };
  return { top: side('top'), bottom: side('bottom'), left: side('left'), right: side('right') };
}

/**
 * Reads a printJobConfiguration from a request. A field given as null is left out of the patch:
 * Graph's docs say every field may be null, and "no preference" keeps what the job already has.
 */
export function parseConfigurationPatch(value: unknown): ConfigurationPatch {
  if (!isJsonObject(value)) {
    throw invalidRequest('configuration must be a printJobConfiguration object.');
  }
  const patch: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(value)) {
    if (name.startsWith('@odata.')) continue;
    if (!KNOWN_FIELDS.has(name)) {
      throw invalidRequest(
        `The property '${name}' does not exist on type 'microsoft.graph.printJobConfiguration'.`,
      );
    }
    const parsed = field === null ? undefined : parseField(name, field);
    if (parsed !== undefined) patch[name] = parsed;
  }
  return patch as ConfigurationPatch;
}

export function mergeConfiguration(
  base: PrintJobConfiguration,
  patch: ConfigurationPatch | undefined,
): PrintJobConfiguration {
  return structuredClone({ ...base, ...patch });
}
