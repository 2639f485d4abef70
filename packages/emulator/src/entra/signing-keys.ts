// The emulated Entra's token signing keys. Entra publishes several keys and rotates them; here
// the newest key signs, and the one it replaced stays published so that tokens already issued
// keep validating until they expire. The key before that is dropped.
import { randomUUID } from 'node:crypto';
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  // Entra's kids are thumbprint-like strings; a random id is just as opaque.
  const kid = randomUUID().replaceAll('-', '');
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig' };
  return { kid, privateKey, publicJwk };
}

export class SigningKeys {
  private constructor(
    private current: SigningKey,
    private previous: SigningKey | null,
  ) {}

  static async create(): Promise<SigningKeys> {
    return new SigningKeys(await newKey(), null);
  }

  get currentKid(): string {
    return this.current.kid;
  }

  /** A new key signs from now on; the replaced one stays published, the one before goes. */
  async rotate(): Promise<string> {
    const next = await newKey();
    this.previous = this.current;
    this.current = next;
    return next.kid;
  }

  /** The JWKS document, newest key first. `issuerTemplate` is Entra's per-key `issuer`. */
  jwks(issuerTemplate: string): { keys: JWK[] } {
    const published = this.previous ? [this.current, this.previous] : [this.current];
    return { keys: published.map((key) => ({ ...key.publicJwk, issuer: issuerTemplate })) };
  }

  /** Signs exactly these claims with the current key (RS256, `typ: JWT`, `kid`). */
  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.current.kid })
      .sign(this.current.privateKey);
  }

  /**
   * The claims of a token one of the published keys signed, for one of these issuers; throws
   * jose's errors (expired, bad signature, another issuer) otherwise.
   */
  async verify(token: string, issuer: string | string[]): Promise<JWTPayload> {
    const published = createLocalJWKSet(this.jwks(''));
    const { payload } = await jwtVerify(token, published, { issuer, algorithms: ['RS256'] });
    return payload;
  }
}
