/**
 * Input rules shared by every field. Ids end up in Graph URLs, so besides being encoded there
 * they must come from a set that cannot change a URL's meaning even if encoding were forgotten:
 * no `/`, `?`, `#`, `%`, whitespace or control characters, and not `.` or `..`.
 */
import { z } from 'zod';

export const MAX_ID_LENGTH = 128;
export const MAX_DESCRIPTION_LENGTH = 1_000;
export const MAX_REASON_LENGTH = 500;

export const graphId = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .regex(/^[A-Za-z0-9._~:@+=-]*$/, 'may contain only letters, digits and . _ ~ : @ + = -')
  .refine((id) => !/^\.+$/.test(id), 'must not consist of dots only');

/** An Entra object id (`oid`): a GUID, compared without regard to case. */
export const entraObjectId = z
  .string()
  .regex(
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    'must be an Entra object id (a GUID)',
  );

/** Free text that is stored at Graph: bounded, and no control characters except tab and newline. */
export const boundedText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point.
    .refine((text) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text), {
      message: 'must not contain control characters',
    });

/** Items in one bulk mutation: five full `$batch` envelopes. */
export const MAX_BULK_ITEMS = 100;

export const bulkInputs = z
  .array(z.unknown())
  .min(1, 'must hold at least one item')
  .max(MAX_BULK_ITEMS, `must hold at most ${MAX_BULK_ITEMS} items`);

export const MAX_IDEMPOTENCY_KEY_LENGTH = 128;

/** A client's idempotency key, e.g. a UUID: short, and only characters that need no escaping. */
export const idempotencyKey = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(MAX_IDEMPOTENCY_KEY_LENGTH, `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`)
  .regex(/^[A-Za-z0-9._:-]*$/, 'may contain only letters, digits and . _ : -');
