/**
 * The Graph resource shapes the gateway reads. Graph's own typings make every property optional
 * and nullable; these pin down what the gateway relies on and keep the rest as Graph sends it.
 */
import type {
  Printer as GraphPrinter,
  PrintJob as GraphPrintJob,
  PrintTask as GraphPrintTask,
  PrintTaskDefinition as GraphPrintTaskDefinition,
} from '@microsoft/microsoft-graph-types';

export type PrintTaskDefinition = GraphPrintTaskDefinition & { id: string };

/** A task together with the definition it belongs to, which Graph's task body does not carry. */
export type PrintTask = GraphPrintTask & { id: string; taskDefinitionId: string };

/** A job together with its printer, which Graph's job body does not carry. */
export type PrintJob = Omit<GraphPrintJob, 'tasks'> & {
  id: string;
  printerId: string;
  tasks?: PrintTask[];
};

export type Printer = GraphPrinter & { id: string };

export interface Collection<T> {
  value: T[];
}
