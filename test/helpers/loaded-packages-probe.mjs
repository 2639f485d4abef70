/**
 * Preloaded into a gateway process (NODE_OPTIONS=--import=…): when the process exits it writes
 * one JSON log line naming the @opentelemetry packages it loaded, so a test can check that a
 * process without tracing never loaded the SDK. Plain JavaScript: it runs before tsx is loaded.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PACKAGE = /node_modules\/(@opentelemetry\/[^/]+)\//;

process.on('exit', () => {
  // CommonJS packages land in require.cache whether they were required or imported.
  const packages = new Set(
    Object.keys(require.cache).flatMap((path) => PACKAGE.exec(path)?.slice(1) ?? []),
  );
  process.stderr.write(
    `${JSON.stringify({ message: 'Loaded packages', openTelemetry: [...packages].sort() })}\n`,
  );
});
