/**
 * What is never written to the log, wherever it appears in a logged object. The gateway logs no
 * request headers at all (the access line keeps derived fields only), so this is the second
 * line: a header bag, a token or a secret passed to a log call by mistake is censored.
 *
 * pino's paths match fixed depths (`*` is one level), so each key is listed at the depths log
 * calls use: top level, and one and two objects down (`{ headers: { authorization } }`,
 * `{ request: { headers: { cookie } } }`).
 */
const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'proxy-authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'x-api-key',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'clientSecret',
  'client_secret',
  'apiKey',
  'key',
  'password',
  'secret',
] as const;

const quoted = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
const member = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`);

export const REDACTED_PATHS: string[] = SECRET_KEYS.flatMap((key) => [
  quoted(key),
  `*${member(key)}`,
  `*.*${member(key)}`,
]);

export const REDACTION_CENSOR = '[redacted]';
