/**
 * Printers as devices: what each can do (Graph's printerCapabilities) and its defaults, read with
 * the app's token (application `Printer.Read.All`) and kept a short while per printer
 * (printer-memory.ts). Every read of one request goes through that request's Graph batcher, a
 * DataLoader: N printers asked for in one tick are one `$batch` envelope (up to Graph's 20 per
 * envelope), the same printer twice is one call.
 *
 * `redirectPrintJob` and `releasePrintJobs` check a configuration against the destination here,
 * before anything is sent: Graph's redirect page names no refusal for a configuration the device
 * cannot do, so colour sent to a monochrome device would be refused at the printer or ignored.
 */
import {
  getPrinterCapabilities,
  type PrinterDevice,
  type PrintJobConfigurationPatch,
} from '@universal-print-gateway/graph-client';
import { InvalidInputError } from '../../errors.js';
import type { AccessContext } from '../reads.js';
import type { PrinterMemory } from './printer-memory.js';
import { configurationIssues } from './share-capabilities.js';

export interface DeviceContext extends Pick<AccessContext, 'graph'> {
  readonly printers: PrinterMemory;
}

/** What the printer can do: from memory when Graph said so lately, else one read. */
export async function printerDevice(
  context: DeviceContext,
  printerId: string,
): Promise<PrinterDevice> {
  const kept = context.printers.get(printerId);
  if (kept) return kept;
  const device = await getPrinterCapabilities(context.graph, printerId);
  context.printers.learn(printerId, device);
  return device;
}

/** Whether the caller set anything: a configuration of nulls leaves every setting as it was. */
const setsAnything = (configuration: PrintJobConfigurationPatch | undefined) =>
  Object.values(configuration ?? {}).some((value) => value != null);

/**
 * Refuses with `InvalidInputError` (each field, with the values the destination allows) a
 * configuration the destination printer cannot do. Reads the destination's capabilities (or
 * takes them from memory), nothing else; without a configuration it reads nothing. A printer
 * that states no capabilities at all is not checked: Graph decides, as before.
 */
export async function assertDestinationCanPrint(
  context: DeviceContext,
  destinationPrinterId: string,
  configuration: PrintJobConfigurationPatch | undefined,
): Promise<void> {
  if (!setsAnything(configuration)) return;
  const { capabilities } = await printerDevice(context, destinationPrinterId);
  if (!capabilities) return;
  const issues = configurationIssues(capabilities, configuration, 'printer');
  if (issues.length > 0) throw new InvalidInputError(issues);
}
