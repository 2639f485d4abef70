import { invalidRequest } from './graph-errors.js';
import { type GraphPrinter, toGraphPrinter } from './graph-shapes.js';
import type { EmulatorStore } from './store.js';
import type { PrinterRecord } from './tenant.js';

// printer-get.md: "By default, the response doesn't contain printerCapabilities. To get
// printerCapabilities, use the $select query parameter", e.g.
// `GET /print/printers/{id}?$select=id,displayName,capabilities`. So `$select` is honoured here
// (elsewhere the emulator ignores it): the answer holds the named properties and no others.

/** The printer with its capabilities: what `$select` picks from. */
export function printerWithCapabilities(
  printer: PrinterRecord,
  store: EmulatorStore,
): Required<GraphPrinter> {
  return {
    ...toGraphPrinter(printer, store),
    capabilities: structuredClone(printer.profile.capabilities),
  };
}

/**
 * `$select=a,b`: only those members (names are case-insensitive in OData; an unknown one is
 * refused with Graph's wording). Without `$select`: every member but `capabilities`.
 */
export function selected(printer: Required<GraphPrinter>, rawQuery: string): object {
  const select = new URLSearchParams(rawQuery).get('$select');
  if (select === null) {
    const { capabilities: _notByDefault, ...byDefault } = printer;
    return byDefault;
  }
  const members = new Map(Object.keys(printer).map((name) => [name.toLowerCase(), name]));
  const picked: Record<string, unknown> = {};
  for (const item of select.split(',')) {
    const wanted = item.trim();
    const name = members.get(wanted.toLowerCase());
    if (name === undefined) {
      throw invalidRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${wanted}' ` +
          "on type 'microsoft.graph.printer'.",
      );
    }
    picked[name] = printer[name as keyof GraphPrinter];
  }
  return picked;
}
