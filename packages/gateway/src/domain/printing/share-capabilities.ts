/**
 * Whether a document and its settings fit what a printer share or a printer says it can do
 * (Graph's printerCapabilities, the same type for both), checked before anything is sent: for a
 * share, Graph would take the job, then fail it at the printer, or refuse the upload session
 * after the job exists; for a redirect, Graph would send colour to a monochrome device and it
 * would be refused there or ignored. Pure: it reads nothing. One checker for both.
 *
 * A setting the caller leaves out is the default, which needs no check. A setting the caller
 * gives is refused when the capabilities list no value for it: the device cannot do it.
 */
import type {
  PrinterCapabilities,
  PrintJobConfigurationPatch,
} from '@universal-print-gateway/graph-client';
import type { InputIssue } from '../../errors.js';

export interface DocumentToPrint {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/** Where the checked values sit in the mutation's input, for the issues' paths. */
const DOCUMENT = ['input', 'document'];
const CONFIGURATION = ['input', 'configuration'];

type Listed = 'colorMode' | 'duplexMode' | 'orientation' | 'quality' | 'scaling' | 'mediaSize';

/** Each enumerated setting and the capability that lists its allowed values. */
const LISTED: Record<Listed, keyof PrinterCapabilities> = {
  colorMode: 'colorModes',
  duplexMode: 'duplexModes',
  orientation: 'orientations',
  quality: 'qualities',
  scaling: 'scalings',
  mediaSize: 'mediaSizes',
};

/** Each yes-or-no setting and the capability that says whether it is supported. */
const SUPPORTED: Record<'collate' | 'fitPdfToPage', keyof PrinterCapabilities> = {
  collate: 'collation',
  fitPdfToPage: 'supportsFitPdfToPage',
};

/** What the capabilities belong to, as the messages name it. */
export type CapabilitiesOf = 'printer share' | 'printer';

const allowedBy = (of: CapabilitiesOf) => (values: readonly unknown[]) =>
  values.length === 0
    ? `this ${of === 'printer share' ? 'share' : of} lists none`
    : `allowed: ${values.map(String).join(', ')}`;

/** Every way `document` and `configuration` do not fit a share's `capabilities`; none: they fit. */
export function capabilityIssues(
  capabilities: PrinterCapabilities | null | undefined,
  document: DocumentToPrint,
  configuration: PrintJobConfigurationPatch | undefined,
): InputIssue[] {
  const contentTypes = capabilities?.contentTypes ?? [];
  const issues: InputIssue[] = [];
  if (!contentTypes.includes(document.contentType)) {
    issues.push({
      path: [...DOCUMENT, 'contentType'],
      message: `is not a content type this printer share accepts (${allowedBy('printer share')(contentTypes)})`,
    });
  }
  return [...issues, ...configurationIssues(capabilities, configuration, 'printer share')];
}

/** Every way `configuration` does not fit `capabilities` of a share or a printer; none: it fits. */
export function configurationIssues(
  capabilities: PrinterCapabilities | null | undefined,
  configuration: PrintJobConfigurationPatch | undefined,
  of: CapabilitiesOf,
): InputIssue[] {
  const can = capabilities ?? {};
  const allowed = allowedBy(of);
  const issues: InputIssue[] = [];
  if (configuration === undefined) return issues;
  const copies = configuration.copies;
  if (copies != null) {
    const range = copiesRange(can);
    if (copies < range.start || copies > range.end) {
      issues.push({
        path: [...CONFIGURATION, 'copies'],
        message: Number.isFinite(range.end)
          ? `must be between ${range.start} and ${range.end} on this ${of}`
          : `must be at least ${range.start} on this ${of}`,
      });
    }
  }
  for (const [setting, capability] of Object.entries(LISTED) as [Listed, string][]) {
    const value = configuration[setting];
    if (value == null) continue;
    const values = (can[capability as keyof PrinterCapabilities] as unknown[] | null) ?? [];
    if (!values.includes(value)) {
      issues.push({
        path: [...CONFIGURATION, setting],
        message: `is not one this ${of} supports (${allowed(values)})`,
      });
    }
  }
  const pagesPerSheet = configuration.pagesPerSheet;
  if (pagesPerSheet != null && !(can.pagesPerSheet ?? []).includes(pagesPerSheet)) {
    issues.push({
      path: [...CONFIGURATION, 'pagesPerSheet'],
      message: `is not one this ${of} supports (${allowed(can.pagesPerSheet ?? [])})`,
    });
  }
  if ((configuration.pageRanges?.length ?? 0) > 0 && can.isPageRangeSupported !== true) {
    issues.push({
      path: [...CONFIGURATION, 'pageRanges'],
      message: `this ${of} does not print page ranges (allowed: none)`,
    });
  }
  for (const [setting, capability] of Object.entries(SUPPORTED)) {
    const value = configuration[setting as keyof typeof SUPPORTED];
    if (value === true && can[capability as keyof PrinterCapabilities] !== true) {
      issues.push({
        path: [...CONFIGURATION, setting],
        message: `this ${of} does not support it (allowed: false)`,
      });
    }
  }
  return issues;
}

/**
 * The copies a share or printer takes: Graph's `copiesPerJob` range, whose upper bound may be
 * absent (none stated); one that states no range prints one copy.
 */
function copiesRange(can: PrinterCapabilities): { start: number; end: number } {
  // `maximum` is not in Graph's integerRange typings; some answers carry it instead of `end`.
  const range = can.copiesPerJob as (typeof can.copiesPerJob & { maximum?: number | null }) | null;
  if (!range) return { start: 1, end: 1 };
  return {
    start: range.start ?? 1,
    end: range.end ?? range.maximum ?? Number.POSITIVE_INFINITY,
  };
}
