import { createHmac } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Config } from '../../config.js';
import type { CredentialRow } from './mfa.repo.js';

/** WebAuthn relying party from PUBLIC_URL: the origin browsers see and its host name as RP id. */
export function relyingParty(config: Config): { rpID: string; origin: string; rpName: string } {
  const url = new URL(config.publicUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: 'Dalil' };
}

/** An opaque, stable user handle (no user id or name goes to the authenticator). */
function userHandle(config: Config, userId: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHmac('sha256', config.secrets.sessionKey).update(`webauthn-user:${userId}`).digest());
}

const transportsOf = (row: CredentialRow) => row.transports as AuthenticatorTransport[];

export function registrationOptions(
  config: Config,
  user: { id: number; username: string; name: string },
  existing: CredentialRow[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty(config);
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.username,
    userDisplayName: user.name || user.username,
    userID: userHandle(config, user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: transportsOf(c) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

export interface NewCredential {
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
}

/** Verifies a registration against the challenge this session was given; null when it does not verify. */
export async function verifyRegistration(
  config: Config,
  response: RegistrationResponseJSON,
  expectedChallenge: string,
): Promise<NewCredential | null> {
  const rp = relyingParty(config);
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
    if (!result.verified) return null;
    const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? response.response.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
    };
  } catch {
    return null;
  }
}

export function authenticationOptions(
  config: Config,
  credentials: CredentialRow[],
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: relyingParty(config).rpID,
    allowCredentials: credentials.map((c) => ({ id: c.credentialId, transports: transportsOf(c) })),
    userVerification: 'preferred',
  });
}

/** Verifies an assertion from one of the user's credentials; returns the new signature counter or null. */
export async function verifyAuthentication(
  config: Config,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  credential: CredentialRow,
): Promise<number | null> {
  const rp = relyingParty(config);
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
      credential: {
        id: credential.credentialId,
        publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')),
        counter: credential.counter,
        transports: transportsOf(credential),
      },
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}
