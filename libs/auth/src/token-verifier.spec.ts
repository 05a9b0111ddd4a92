import { SignJWT } from 'jose';
import { LocalTokenService } from './token-verifier';

describe('LocalTokenService', () => {
  const service = new LocalTokenService('a-test-secret-that-is-long-enough-0123456789');

  it('verifies the tokens it mints and names their user', async () => {
    const token = await service.mint('vanthu.ubnd');
    await expect(service.verify(token)).resolves.toEqual({ ok: true, username: 'vanthu.ubnd' });
  });

  it('refuses a token signed with another secret', async () => {
    const other = new LocalTokenService('another-secret-that-is-long-enough-9876543210');
    await expect(service.verify(await other.mint('vanthu.ubnd'))).resolves.toEqual({ ok: false, reason: 'the token is not valid' });
  });

  it('refuses an expired token', async () => {
    await expect(service.verify(await service.mint('vanthu.ubnd', -10))).resolves.toEqual({ ok: false, reason: 'the token has expired' });
  });

  it('refuses a token without a subject', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('qlvbdh-local')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-test-secret-that-is-long-enough-0123456789'));
    await expect(service.verify(token)).resolves.toEqual({ ok: false, reason: 'the token names no user' });
  });

  it('refuses garbage', async () => {
    await expect(service.verify('not-a-jwt')).resolves.toEqual({ ok: false, reason: 'the token is not valid' });
  });
});
