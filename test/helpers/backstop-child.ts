/**
 * A process with only the backstop installed (run by test/process/process-backstop.test.ts):
 * it loses a promise, proves it still runs, then throws; `onFatal` exits with code 3.
 */
import { createLogger } from '../../packages/gateway/src/logging/logger.js';
import { installProcessBackstop } from '../../packages/gateway/src/process-backstop.js';

const logger = createLogger();
installProcessBackstop(logger, () => process.exit(3));
void Promise.reject(new Error('a lost promise'));
setTimeout(() => {
  logger.info('still serving');
  throw new Error('an uncaught exception');
}, 100);
