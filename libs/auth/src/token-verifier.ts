import { createRemoteJWKSet, errors, jwtVerify, JWTPayload, SignJWT } from 'jose';

export const LOCAL_ISSUER = 'qlvbdh-local';

export type TokenVerification = { ok: true; username: string } | { ok: false; reason: string };

export interface TokenVerifier {
  verify(token: string): Promise<TokenVerification>;
}

/** Development and single-machine default: HS256 tokens signed with a local secret. */
export class LocalTokenService implements TokenVerifier {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async mint(username: string, ttlSeconds = 12 * 3600): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(username)
      .setIssuer(LOCAL_ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }

  async verify(token: string): Promise<TokenVerification> {
    return verifyWith(() => jwtVerify(token, this.key, { issuer: LOCAL_ISSUER, algorithms: ['HS256'] }), (p) => p.sub);
  }
}

/** Production: tokens of an OIDC issuer, verified against its published JWKS. */
export class OidcTokenVerifier implements TokenVerifier {
  private jwks?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(
    private readonly issuer: string,
    private readonly audience: string | undefined,
    private readonly usernameClaim: string,
  ) {}

  async verify(token: string): Promise<TokenVerification> {
    const jwks = await (this.jwks ??= this.discoverJwks());
    return verifyWith(
      () => jwtVerify(token, jwks, { issuer: this.issuer, audience: this.audience }),
      (p) => (typeof p[this.usernameClaim] === 'string' ? (p[this.usernameClaim] as string) : undefined),
    );
  }

  /** The key set's address comes from the issuer's OpenID discovery document. */
  private async discoverJwks(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const response = await fetch(`${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!response.ok) {
      this.jwks = undefined;
      throw new Error(`OIDC discovery at ${this.issuer} answered ${response.status}`);
    }
    const { jwks_uri } = (await response.json()) as { jwks_uri?: string };
    if (!jwks_uri) throw new Error(`OIDC discovery at ${this.issuer} names no jwks_uri`);
    return createRemoteJWKSet(new URL(jwks_uri));
  }
}

async function verifyWith(
  check: () => Promise<{ payload: JWTPayload }>,
  username: (payload: JWTPayload) => string | undefined,
): Promise<TokenVerification> {
  try {
    const { payload } = await check();
    const name = username(payload);
    return name ? { ok: true, username: name } : { ok: false, reason: 'the token names no user' };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'the token has expired' };
    if (error instanceof errors.JOSEError) return { ok: false, reason: 'the token is not valid' };
    throw error;
  }
}
