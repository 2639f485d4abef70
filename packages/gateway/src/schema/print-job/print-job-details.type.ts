/**
 * What a release screen shows of a job besides its state: the document (Graph's `documents[0]`;
 * a job has exactly one) and the settings it will print with (`configuration`), as Graph returns
 * them. Both come in the same GET as the job's tasks (`$expand=…,documents`), so they cost no
 * call of their own. Graph's enums become GraphQL enums through `graphEnum`; a value Graph adds
 * later reads as UNKNOWN_FUTURE_VALUE.
 */
import type { PrintJobConfiguration } from '@microsoft/microsoft-graph-types';
import type { PrintJob } from '@universal-print-gateway/graph-client';
import { builder } from '../builder.js';
// One definition of each enum, shared with PrintJobConfigurationInput (redirect's input).
import {
  PrintColorMode,
  PrintDuplexMode,
  PrintOrientation,
  PrintQuality,
} from './print-job-configuration.js';

type PrintDocument = NonNullable<PrintJob['documents']>[number];

const nullableEnum =
  <Value extends string>(fromGraph: (value: string | null | undefined) => Value) =>
  (value: string | null | undefined) =>
    value == null ? null : fromGraph(value);

export const PrintDocumentRef = builder.objectRef<PrintDocument>('PrintDocument').implement({
  description: "The job's document, as Graph describes it (its content is not read).",
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'Its file name.' }),
    contentType: t.exposeString('contentType', { nullable: true }),
    size: t.field({
      type: 'Float',
      nullable: true,
      description: 'In bytes (Int64 at Graph, hence Float).',
      resolve: (document) => document.size ?? null,
    }),
  }),
});

const PageRangeRef = builder
  .objectRef<{ start?: number | null; end?: number | null }>('PageRange')
  .implement({
    description: 'Pages to print, both ends included.',
    fields: (t) => ({
      start: t.int({ nullable: true, resolve: (range) => range.start ?? null }),
      end: t.int({ nullable: true, resolve: (range) => range.end ?? null }),
    }),
  });

export const PrintJobConfigurationRef = builder
  .objectRef<PrintJobConfiguration>('PrintJobConfiguration')
  .implement({
    description: "The settings the job prints with, as Graph returns them; null where Graph's is.",
    fields: (t) => ({
      copies: t.int({ nullable: true, resolve: (c) => c.copies ?? null }),
      colorMode: t.field({
        type: PrintColorMode.ref,
        nullable: true,
        resolve: (c) => nullableEnum(PrintColorMode.fromGraph)(c.colorMode),
      }),
      duplexMode: t.field({
        type: PrintDuplexMode.ref,
        nullable: true,
        resolve: (c) => nullableEnum(PrintDuplexMode.fromGraph)(c.duplexMode),
      }),
      orientation: t.field({
        type: PrintOrientation.ref,
        nullable: true,
        resolve: (c) => nullableEnum(PrintOrientation.fromGraph)(c.orientation),
      }),
      quality: t.field({
        type: PrintQuality.ref,
        nullable: true,
        resolve: (c) => nullableEnum(PrintQuality.fromGraph)(c.quality),
      }),
      mediaSize: t.string({ nullable: true, resolve: (c) => c.mediaSize ?? null }),
      mediaType: t.string({ nullable: true, resolve: (c) => c.mediaType ?? null }),
      pageRanges: t.field({
        type: [PageRangeRef],
        nullable: true,
        resolve: (c) => c.pageRanges ?? null,
      }),
      pagesPerSheet: t.int({ nullable: true, resolve: (c) => c.pagesPerSheet ?? null }),
      collate: t.boolean({ nullable: true, resolve: (c) => c.collate ?? null }),
      dpi: t.int({ nullable: true, resolve: (c) => c.dpi ?? null }),
      fitPdfToPage: t.boolean({ nullable: true, resolve: (c) => c.fitPdfToPage ?? null }),
      inputBin: t.string({ nullable: true, resolve: (c) => c.inputBin ?? null }),
      outputBin: t.string({ nullable: true, resolve: (c) => c.outputBin ?? null }),
    }),
  });
