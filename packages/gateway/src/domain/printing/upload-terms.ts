/**
 * What a client is told about sending a document's bytes to its `uploadUrl`: Graph's own terms
 * ("Upload documents" in Microsoft's Universal Print docs), which the gateway does not enforce
 * because the bytes never pass through it.
 */

/** Each PUT carries less than 10 MiB ("under 10 MB"): at most 10 MiB − 1 byte. */
export const MAX_UPLOAD_BYTES_PER_REQUEST = 10 * 1024 * 1024 - 1;

/**
 * A chunk size that is a multiple of both 200 KiB (Graph's recommendation) and 320 KiB (the
 * Graph SDKs' upload task), and under the limit above: 48 × 200 KiB = 30 × 320 KiB.
 */
export const RECOMMENDED_UPLOAD_CHUNK_BYTES = 48 * 200 * 1024;

/** Ranges may be sent in any order, up to 4 at once. */
export const MAX_PARALLEL_UPLOAD_REQUESTS = 4;

/** The largest document Graph prints: 1 GiB. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024 * 1024;
