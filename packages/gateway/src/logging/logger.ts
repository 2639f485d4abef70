/**
 * The process's logger: pino, one JSON object per line on stderr.
 *
 * The line keeps the shape the gateway always wrote, so that log pipelines and the tests that
 * read lines need no change: `time` as ISO 8601, `level` as a label (`"info"`), the text under
 * `message`. Lines written while serving a request carry `requestId` and `traceId` (mixin).
 *
 * stderr, not pino's stdout: every diagnostic of the process (Node's own warnings, a crash's
 * stack) already goes there, and containers collect both streams. Writes are synchronous, as
 * `process.stderr` writes to a pipe or a file are: a line logged just before `process.exit` is
 * not lost.
 */
import { type DestinationStream, type Logger, pino } from 'pino';
import { DEFAULT_LOG_LEVEL, type LogLevel } from './levels.js';
import { REDACTED_PATHS, REDACTION_CENSOR } from './redaction.js';
import { mergeLogFields, requestLogFields } from './request-scope.js';

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go: stderr by default; tests pass a stream that keeps them. */
  destination?: DestinationStream;
}

export function createLogger({
  level = DEFAULT_LOG_LEVEL,
  destination = pino.destination({ fd: 2, sync: true }),
}: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // No pid or hostname: the orchestrator labels every line with its pod already.
      base: null,
      mixin: requestLogFields,
      mixinMergeStrategy: mergeLogFields,
      redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
    },
    destination,
  );
}

/** Writes nothing: for tests that do not look at the log. */
export const silentLogger: Logger = pino({ level: 'silent' });
