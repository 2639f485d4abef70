/**
 * A GraphQL subscription read the way a browser's EventSource reads it: fetch with
 * `accept: text/event-stream` (GraphQL over SSE, "distinct connections" mode).
 */

export interface SseMessage {
  event: string;
  data: unknown;
}

export interface SseSubscription {
  /** The HTTP status of the stream's answer. */
  readonly status: number;
  /** The next `next` event's data, or throws after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>;
  /** Every message received so far. */
  readonly messages: readonly SseMessage[];
  /** The whole body when the server answered without a stream (an error). */
  readonly body: string | null;
  close(): void;
}

/** Opens a GraphQL subscription over SSE (GraphQL over SSE, "distinct connections" mode). */
export async function subscribeSse(
  url: string,
  credential: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<SseSubscription> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const messages: SseMessage[] = [];
  const waiters: (() => void)[] = [];
  let consumed = 0;
  let body: string | null = null;
  if (!(response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    body = await response.text();
  } else if (response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: ?(.*)$/m.exec(block)?.[1];
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data:'))
              .map((line) => line.slice(5).trimStart())
              .join('\n');
            if (event) {
              messages.push({ event, data: data ? JSON.parse(data) : null });
              for (const wake of waiters.splice(0)) wake();
            }
            end = buffer.indexOf('\n\n');
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return {
    status: response.status,
    messages,
    body,
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = messages.findIndex((m, i) => i >= consumed && m.event === 'next');
        if (index !== -1) {
          consumed = index + 1;
          return messages[index]?.data as { data?: Record<string, unknown> };
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`No SSE event within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => controller.abort(),
  };
}
