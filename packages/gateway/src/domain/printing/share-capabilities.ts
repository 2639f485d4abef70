/**
 * Whether a document and its settings fit what a printer share says it can do (Graph's
 * printerCapabilities), checked before anything is created: Graph would take the job, then fail
 * it at the printer, or refuse the upload session after the job exists. Pure: it reads nothing.
 *
 * A setting the caller leaves out is the share's default, which needs no check. A setting the
 * caller gives is refused when the share lists no value for it: the share cannot do it.
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

/** Each yes-or-no setting and the capability that says whether the share supports it. */
const SUPPORTED: Record<'collate' | 'fitPdfToPage', keyof PrinterCapabilities> = {
  collate: 'collation',
  fitPdfToPage: 'supportsFitPdfToPage',
};

const allowed = (values: readonly unknown[]) =>
  values.length === 0 ? 'this share lists none' : `allowed: ${values.map(String).join(', ')}`;

/** Every way `document` and `configuration` do not fit `capabilities`; none: they fit. */
export function capabilityIssues(
  capabilities: PrinterCapabilities | null | undefined,
  document: DocumentToPrint,
  configuration: PrintJobConfigurationPatch | undefined,
): InputIssue[] {
  const can = capabilities ?? {};
  const issues: InputIssue[] = [];
  const contentTypes = can.contentTypes ?? [];
  if (!contentTypes.includes(document.contentType)) {
    issues.push({
      path: [...DOCUMENT, 'contentType'],
      message: `is not a content type this printer share accepts (${allowed(contentTypes)})`,
    });
  }
  if (configuration === undefined) return issues;
  const copies = configuration.copies;
  if (copies != null) {
    const range = copiesRange(can);
    if (copies < range.start || copies > range.end) {
      issues.push({
        path: [...CONFIGURATION, 'copies'],
        message: Number.isFinite(range.end)
          ? `must be between ${range.start} and ${range.end} on this printer share`
          : `must be at least ${range.start} on this printer share`,
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
        message: `is not one this printer share supports (${allowed(values)})`,
      });
    }
  }
  const pagesPerSheet = configuration.pagesPerSheet;
  if (pagesPerSheet != null && !(can.pagesPerSheet ?? []).includes(pagesPerSheet)) {
    issues.push({
      path: [...CONFIGURATION, 'pagesPerSheet'],
      message: `is not one this printer share supports (${allowed(can.pagesPerSheet ?? [])})`,
    });
  }
  if ((configuration.pageRanges?.length ?? 0) > 0 && can.isPageRangeSupported !== true) {
    issues.push({
      path: [...CONFIGURATION, 'pageRanges'],
      message: 'this printer share does not print page ranges (allowed: none)',
    });
  }
  for (const [setting, capability] of Object.entries(SUPPORTED)) {
    const value = configuration[setting as keyof typeof SUPPORTED];
    if (value === true && can[capability as keyof PrinterCapabilities] !== true) {
      issues.push({
        path: [...CONFIGURATION, setting],
        message: 'this printer share does not support it (allowed: false)',
      });
    }
  }
  return issues;
}

/**
 * The copies a share takes: Graph's `copiesPerJob` range, whose upper bound may be absent (none
 * stated); a share that states no range prints one copy.
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
