/**
 * The last line of defence for errors nothing else caught. It fixes nothing: it makes sure such
 * an error is logged as one JSON line like everything else, instead of Node's stack dump.
 *
 * - An unhandled rejection is logged and the process keeps serving: one lost promise should
 *   not take every other request down with it.
 * - An uncaught exception leaves the process in an unknown state: it is logged and a graceful
 *   shutdown begins (`onFatal`), which ends with a non-zero exit code.
 */
import type { Logger } from 'pino';

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

export function installProcessBackstop(logger: Logger, onFatal: () => void): void {
  process.on('unhandledRejection', (reason) => {
    logger.error(
      { code: 'UNHANDLED_REJECTION', error: describe(reason) },
      'Unhandled promise rejection (still serving)',
    );
  });
  process.on('uncaughtException', (error) => {
    logger.error(
      { code: 'UNCAUGHT_EXCEPTION', error: describe(error) },
      'Uncaught exception: shutting down',
    );
    onFatal();
  });
}
