/**
 * Graph enums become GraphQL enums with SCREAMING_SNAKE names (`unknownFutureValue` →
 * `UNKNOWN_FUTURE_VALUE`) whose internal values are Graph's own strings. A value Graph adds later
 * reads as `UNKNOWN_FUTURE_VALUE` instead of failing the whole response.
 */
import { builder } from './builder.js';

const screamingSnake = (value: string) =>
  value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

export function graphEnum<const Value extends string>(
  name: string,
  values: readonly Value[],
  description: string,
) {
  const known = new Set<string>(values);
  const ref = builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((value) => [screamingSnake(value), { value }])) as {
      [key: string]: { value: Value };
    },
  });
  /** Graph's value when this schema knows it, `unknownFutureValue` otherwise. */
  const fromGraph = (value: string | null | undefined): Value | 'unknownFutureValue' =>
    value != null && known.has(value) ? (value as Value) : 'unknownFutureValue';
  return { ref, fromGraph };
}
