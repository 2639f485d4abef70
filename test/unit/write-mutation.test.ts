/**
 * Every mutation is a write and wears the frame of src/schema/write-mutation.ts. A field declared
 * by hand that forgets a piece (the key, an idempotency error, the write rule) fails here, even
 * once schema.graphql has been regenerated to match it.
 */
import { type GraphQLField, getNamedType, isInputObjectType, isUnionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FIELD_RULES } from '../../packages/gateway/src/domain/permissions.js';
import { schema } from '../../packages/gateway/src/schema/index.js';

const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
const pascal = (name: string) => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
const pothosOptions = (field: GraphQLField<unknown, unknown>) =>
  (field.extensions as { pothosOptions?: Record<string, unknown> }).pothosOptions ?? {};

/** Printing as a person: its own permission (Print.Submit), the rest of the frame the same. */
const PRINTING = ['cancelPrintJob', 'createPrintJob', 'startPrintJob'];

/**
 * The key: an argument of its own, or a field of `input` where clients were promised it
 * (createPrintJob, startPrintJob: issue 22's names).
 */
function idempotencyKeyOf(field: GraphQLField<unknown, unknown>) {
  const argument = field.args.find((arg) => arg.name === 'idempotencyKey');
  if (argument) return argument;
  const input = getNamedType(field.args.find((arg) => arg.name === 'input')?.type);
  return input && isInputObjectType(input) ? input.getFields()['idempotencyKey'] : undefined;
}

describe('write mutations', () => {
  it('are the nine writes, so a new one meets these checks', () => {
    expect(mutations.map((field) => field.name).sort()).toEqual([
      'abortPrintJob',
      'abortPrintJobs',
      'cancelPrintJob',
      'createPrintJob',
      'redirectPrintJob',
      'releasePrintJobs',
      'startPrintJob',
      'updatePrintTask',
      'updatePrintTasks',
    ]);
  });

  it.each(mutations.map((field) => [field.name, field] as const))(
    '%s takes an optional idempotencyKey, demands write access, and answers a union named after it with the refusals and idempotency errors',
    (name, field) => {
      expect(String(idempotencyKeyOf(field)?.type)).toBe('String');
      expect(pothosOptions(field)['authScopes']).toBe(
        PRINTING.includes(name) ? FIELD_RULES.print : FIELD_RULES.write,
      );
      expect(pothosOptions(field)['authenticated']).toBe(true);
      expect(typeof pothosOptions(field)['unauthorizedResolver']).toBe('function');

      const result = getNamedType(field.type);
      expect(result.name).toBe(`${pascal(name)}Result`);
      if (!isUnionType(result)) throw new Error(`${result.name} is not a union`);
      expect(result.getTypes().map((member) => member.name)).toEqual(
        expect.arrayContaining([
          'InvalidInputError',
          'ForbiddenError',
          'CallBudgetExceededError',
          'IdempotencyKeyReusedError',
          'IdempotencyKeyInProgressError',
          'IdempotencyUnavailableError',
        ]),
      );
    },
  );
});
