/** Printers: read for their name and state on a release screen, and for what they can do. */
import { graphPath } from '../call.js';
import type { GraphSession } from '../session.js';
import type { Printer } from './types.js';

export function getPrinter(graph: GraphSession, id: string): Promise<Printer> {
  return graph.call<Printer>({ method: 'GET', url: graphPath`/print/printers/${id}` });
}

/** What `getPrinterCapabilities` answers: only the members it selects. */
export type PrinterDevice = Pick<Printer, 'id' | 'capabilities' | 'defaults'>;

/**
 * What a printer can do and its defaults (application `Printer.Read.All`). printer-get.md: "By
 * default, the response doesn't contain printerCapabilities", hence `$select`. Calls for several
 * printers in one tick share a `$batch` envelope, as every read does.
 */
export function getPrinterCapabilities(graph: GraphSession, id: string): Promise<PrinterDevice> {
  return graph.call<PrinterDevice>({
    method: 'GET',
    url: `${graphPath`/print/printers/${id}`}?$select=id,capabilities,defaults`,
  });
}
