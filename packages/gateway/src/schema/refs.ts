/**
 * Object refs of the domain types, declared apart from their implementations because the types
 * point at each other (a task has a job, a job has tasks).
 */
import type {
  Printer,
  PrintJob,
  PrintTask,
  PrintTaskDefinition,
} from '@universal-print-gateway/graph-client';
import { builder } from './builder.js';

export const PrintTaskRef = builder.objectRef<PrintTask>('PrintTask');
export const PrintJobRef = builder.objectRef<PrintJob>('PrintJob');
export const PrinterRef = builder.objectRef<Printer>('Printer');
export const PrintTaskDefinitionRef = builder.objectRef<PrintTaskDefinition>('PrintTaskDefinition');
