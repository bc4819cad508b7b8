import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as emailVerification from '../db/migrations/20261206_0010_email_verification.js';
import { createApiKey, createOrg, signUpUser, unique, useTestApp } from '../testing/test-app.js';
import { sampleCredential } from '../testing/fixtures.js';

const t = useTestApp();

describe('migration 20261206_0010_email_verification', () => {
  it('leaves existing accounts unverified except the demo ones, and records whom earlier credentials were issued to', async () => {
    const owner = await signUpUser(t.app);
    const org = await createOrg(t.app, owner);
    const { token } = await createApiKey(t.app, owner, org.slug);
    const recipient = `${unique('Earlier')}@Example.com`;
    const { id: _subjectId, ...subject } = sampleCredential().credentialSubject;
    const issued = await t.app.inject({
      method: 'POST',
      url: '/credentials/issue',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        credential: { ...sampleCredential(), credentialSubject: subject },
        options: { recipientEmail: recipient },
      },
    });
    expect(issued.statusCode).toBe(201);
    const person = await signUpUser(t.app);

    // Back to the schema before the migration, with a demo account among the existing ones.
    const raw = t.database.db as unknown as Kysely<unknown>;
    await emailVerification.down(raw);
    await t.database.db
      .insertInto('users')
      .values({ email: 'learner@demo.cairn.test', name: 'Lena Fischer', password_hash: 'x' })
      .execute();
    await emailVerification.up(raw);

    const users = await t.database.db
      .selectFrom('users')
      .select(['email', 'email_verified_at'])
      .where('email', 'in', [owner.email, person.email, 'learner@demo.cairn.test'])
      .execute();
    const verified = Object.fromEntries(users.map((u) => [u.email, u.email_verified_at !== null]));
    expect(verified).toEqual({ [owner.email]: false, [person.email]: false, 'learner@demo.cairn.test': true });
    const credential = await t.database.db
      .selectFrom('credentials')
      .select(['recipient_email', 'recipient_label'])
      .where('credential_id', '=', issued.json<{ verifiableCredential: { id: string } }>().verifiableCredential.id)
      .executeTakeFirstOrThrow();
    expect(credential).toEqual({ recipient_label: recipient, recipient_email: recipient.toLowerCase() });
  });
});
