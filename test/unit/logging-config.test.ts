/** LOG_LEVEL as config.ts reads it. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../packages/gateway/src/config.js';
import { LOG_LEVELS } from '../../packages/gateway/src/logging/levels.js';

describe('LOG_LEVEL', () => {
  it('is info when unset', () => {
    expect(loadConfig({}).logLevel).toBe('info');
  });

  it.each(LOG_LEVELS)('accepts %s', (level) => {
    expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
  });

  it.each(['verbose', 'INFO', '', '30'])('refuses %j, naming the variable', (level) => {
    expect(() => loadConfig({ LOG_LEVEL: level })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: level })).toThrow(/LOG_LEVEL/);
  });
});
