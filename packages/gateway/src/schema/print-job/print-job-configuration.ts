/**
 * Graph's printJobConfiguration in the schema: the enums (shared by the output side, which
 * exposes `PrintJob.configuration`, and the input side) and `PrintJobConfigurationInput`, the
 * fields a release screen may override when it redirects a job to a device.
 *
 * The enums live here, apart from any field, so that both sides import one definition; each
 * carries Graph's `unknownFutureValue` for reading, and input validation refuses it (Graph has
 * nothing to apply for it). Values and limits follow the emulator, which checks them against
 * Graph's typings (packages/emulator/src/print-job-configuration.ts).
 */

import type { PrintJobConfigurationPatch } from '@universal-print-gateway/graph-client';
import { z } from 'zod';
import { builder } from '../builder.js';
import { graphEnum } from '../graph-enum.js';
import { boundedText } from '../validation.js';

/** An enum's values a caller may send: all but `unknownFutureValue`. */
const settable = <const Value extends string>(values: readonly Value[], name: string) => {
  const known = values.filter((value) => value !== 'unknownFutureValue');
  return z.string().refine((value) => known.includes(value as Value), {
    message: `must be one of the ${name} values other than UNKNOWN_FUTURE_VALUE`,
  });
};

const COLOR_MODES = ['blackAndWhite', 'grayscale', 'color', 'auto', 'unknownFutureValue'] as const;
const DUPLEX_MODES = [
  'flipOnLongEdge',
  'flipOnShortEdge',
  'oneSided',
  'unknownFutureValue',
] as const;
const ORIENTATIONS = [
  'portrait',
  'landscape',
  'reverseLandscape',
  'reversePortrait',
  'unknownFutureValue',
] as const;
const QUALITIES = ['low', 'medium', 'high', 'unknownFutureValue'] as const;
const SCALINGS = ['auto', 'shrinkToFit', 'fill', 'fit', 'none', 'unknownFutureValue'] as const;

export const PrintColorMode = graphEnum('PrintColorMode', COLOR_MODES, "Graph's printColorMode.");
export const PrintDuplexMode = graphEnum(
  'PrintDuplexMode',
  DUPLEX_MODES,
  "Graph's printDuplexMode: one-sided, or which edge the sheet turns on.",
);
export const PrintOrientation = graphEnum(
  'PrintOrientation',
  ORIENTATIONS,
  "Graph's printOrientation.",
);
export const PrintQuality = graphEnum('PrintQuality', QUALITIES, "Graph's printQuality.");
export const PrintScaling = graphEnum(
  'PrintScaling',
  SCALINGS,
  "Graph's printScaling: how a page is fitted to the medium.",
);

export const MAX_COPIES = 999;
export const MAX_PAGES_PER_SHEET = 16;
export const MAX_PAGE_RANGES = 50;
export const MAX_MEDIA_SIZE_LENGTH = 64;

const IntegerRangeInput = builder.inputType('IntegerRangeInput', {
  description: 'Pages `start` to `end`, both included, counted from 1.',
  fields: (t) => ({
    start: t.int({ required: true }),
    end: t.int({ required: true }),
  }),
});

const pageRanges = z
  .array(
    z
      .object({ start: z.number().int().min(1), end: z.number().int().min(1) })
      .refine((range) => range.start <= range.end, 'start must not be after end'),
  )
  .max(MAX_PAGE_RANGES, `must hold at most ${MAX_PAGE_RANGES} ranges`);

export const PrintJobConfigurationInput = builder.inputType('PrintJobConfigurationInput', {
  description:
    'Settings that override the job’s own for where it goes next. A field left out (or null) ' +
    'keeps the job’s value.',
  fields: (t) => ({
    copies: t.int({
      validate: z.number().int().min(1).max(MAX_COPIES, `must be at most ${MAX_COPIES}`),
    }),
    colorMode: t.field({
      type: PrintColorMode.ref,
      validate: settable(COLOR_MODES, 'PrintColorMode'),
    }),
    duplexMode: t.field({
      type: PrintDuplexMode.ref,
      validate: settable(DUPLEX_MODES, 'PrintDuplexMode'),
    }),
    orientation: t.field({
      type: PrintOrientation.ref,
      validate: settable(ORIENTATIONS, 'PrintOrientation'),
    }),
    quality: t.field({ type: PrintQuality.ref, validate: settable(QUALITIES, 'PrintQuality') }),
    scaling: t.field({ type: PrintScaling.ref, validate: settable(SCALINGS, 'PrintScaling') }),
    mediaSize: t.string({
      description: "The paper, by Graph's media size name, e.g. `A4` or `North America Letter`.",
      validate: boundedText(MAX_MEDIA_SIZE_LENGTH).pipe(z.string().min(1, 'must not be empty')),
    }),
    pageRanges: t.field({ type: [IntegerRangeInput], validate: pageRanges }),
    collate: t.boolean(),
    pagesPerSheet: t.int({
      validate: z
        .number()
        .int()
        .min(1)
        .max(MAX_PAGES_PER_SHEET, `must be at most ${MAX_PAGES_PER_SHEET}`),
    }),
    fitPdfToPage: t.boolean(),
  }),
});

type ConfigurationArgs = typeof PrintJobConfigurationInput.$inferInput;

/** Graph's printJobConfiguration from the input: only the fields given, nulls left out. */
export function toConfigurationPatch(
  input: ConfigurationArgs | null | undefined,
): PrintJobConfigurationPatch | undefined {
  if (input == null) return undefined;
  const patch: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (value != null) patch[name] = value;
  }
  return patch as PrintJobConfigurationPatch;
}
