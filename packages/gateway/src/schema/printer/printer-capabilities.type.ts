/**
 * What printers and printer shares have in common as devices, in the schema: where the device
 * is (Graph's printerLocation), what it can do (printerCapabilities) and what a job gets by
 * default (printerDefaults). Graph uses one type of each for printers and shares; the schema
 * names them per owner (`PrinterShareCapabilities` was first, and clients may spell it in
 * fragments), built here once so both owners show the same fields.
 */
import type {
  PrinterCapabilities,
  PrinterDefaults,
  PrinterLocation,
} from '@universal-print-gateway/graph-client';
import { builder } from '../builder.js';
import {
  PrintColorMode,
  PrintDuplexMode,
  PrintOrientation,
  PrintQuality,
} from '../print-job/print-job-configuration.js';

export const PrinterLocationRef = builder.objectRef<PrinterLocation>('PrinterLocation').implement({
  description:
    'Where a printer (or the printer behind a share) is, as its administrator described it ' +
    "(Graph's printerLocation).",
  fields: (t) => ({
    building: t.exposeString('building', { nullable: true }),
    floor: t.exposeString('floor', { nullable: true }),
    floorDescription: t.exposeString('floorDescription', { nullable: true }),
    roomName: t.exposeString('roomName', { nullable: true }),
    roomDescription: t.exposeString('roomDescription', { nullable: true }),
    site: t.exposeString('site', { nullable: true }),
    streetAddress: t.exposeString('streetAddress', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    stateOrProvince: t.exposeString('stateOrProvince', { nullable: true }),
    postalCode: t.exposeString('postalCode', { nullable: true }),
    countryOrRegion: t.exposeString('countryOrRegion', { nullable: true }),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
  }),
});

interface CopiesRange {
  start: number | null;
  end: number | null;
}

const CopiesRangeRef = builder.objectRef<CopiesRange>('CopiesRange').implement({
  description: 'How many copies one job may ask for; `end` null: no upper bound stated.',
  fields: (t) => ({
    start: t.exposeInt('start', { nullable: true }),
    end: t.exposeInt('end', { nullable: true }),
  }),
});

/** A list of Graph enum values, each read as the schema's enum (unknown ones as such). */
const enumList = <Value extends string>(
  values: readonly string[] | null | undefined,
  graphEnum: { fromGraph: (value: string) => Value | 'unknownFutureValue' },
) => (values ?? []).map((value) => graphEnum.fromGraph(value));

/** A printerCapabilities object type under `name`. */
export const capabilitiesType = (name: string, description: string) =>
  builder.objectRef<PrinterCapabilities>(name).implement({
    description,
    fields: (t) => ({
      contentTypes: t.stringList({
        description: 'The document types it accepts, e.g. application/pdf.',
        resolve: (can) => can.contentTypes ?? [],
      }),
      copiesPerJob: t.field({
        type: CopiesRangeRef,
        nullable: true,
        resolve: (can) =>
          can.copiesPerJob
            ? { start: can.copiesPerJob.start ?? null, end: can.copiesPerJob.end ?? null }
            : null,
      }),
      duplexModes: t.field({
        type: [PrintDuplexMode.ref],
        resolve: (can) => enumList(can.duplexModes, PrintDuplexMode),
      }),
      colorModes: t.field({
        type: [PrintColorMode.ref],
        resolve: (can) => enumList(can.colorModes, PrintColorMode),
      }),
      mediaSizes: t.stringList({ resolve: (can) => can.mediaSizes ?? [] }),
      orientations: t.field({
        type: [PrintOrientation.ref],
        resolve: (can) => enumList(can.orientations, PrintOrientation),
      }),
      qualities: t.field({
        type: [PrintQuality.ref],
        resolve: (can) => enumList(can.qualities, PrintQuality),
      }),
    }),
  });

const orNull = <Value extends string>(
  value: string | null | undefined,
  graphEnum: { fromGraph: (value: string) => Value | 'unknownFutureValue' },
) => (value == null ? null : graphEnum.fromGraph(value));

/** A printerDefaults object type under `name`. */
export const defaultsType = (name: string, description: string) =>
  builder.objectRef<PrinterDefaults>(name).implement({
    description,
    fields: (t) => ({
      contentType: t.exposeString('contentType', { nullable: true }),
      copiesPerJob: t.exposeInt('copiesPerJob', { nullable: true }),
      duplexMode: t.field({
        type: PrintDuplexMode.ref,
        nullable: true,
        resolve: (defaults) => orNull(defaults.duplexMode, PrintDuplexMode),
      }),
      colorMode: t.field({
        type: PrintColorMode.ref,
        nullable: true,
        resolve: (defaults) => orNull(defaults.colorMode, PrintColorMode),
      }),
      mediaSize: t.exposeString('mediaSize', { nullable: true }),
      orientation: t.field({
        type: PrintOrientation.ref,
        nullable: true,
        resolve: (defaults) => orNull(defaults.orientation, PrintOrientation),
      }),
      quality: t.field({
        type: PrintQuality.ref,
        nullable: true,
        resolve: (defaults) => orNull(defaults.quality, PrintQuality),
      }),
    }),
  });
