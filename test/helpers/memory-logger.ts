/** The gateway's real logger (pino, same options) writing into an array instead of stderr. */
import type { Logger } from 'pino';
import type { LogLevel } from '../../packages/gateway/src/logging/levels.js';
import { createLogger } from '../../packages/gateway/src/logging/logger.js';

export type LogLine = Record<string, unknown> & { level: string; message: string };

export function memoryLogger(level: LogLevel = 'info'): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => lines.push(JSON.parse(line) as LogLine) },
  });
  return { logger, lines };
}
