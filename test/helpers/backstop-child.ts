/**
 * A process with only the backstop installed (run by test/integration/process-backstop.test.ts):
 * it loses a promise, proves it still runs, then throws; `onFatal` exits with code 3.
 */
import { jsonLogger } from '../../src/logger.js';
import { installProcessBackstop } from '../../src/process-backstop.js';

installProcessBackstop(jsonLogger, () => process.exit(3));
void Promise.reject(new Error('a lost promise'));
setTimeout(() => {
  jsonLogger.info('still serving');
  throw new Error('an uncaught exception');
}, 100);
