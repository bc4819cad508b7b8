import { ApiError, client, data } from '../../api/client';
import type { Answer, Body, Session } from '../../api/types';

export const sessionKey = ['session'] as const;

/** The signed-in session, or null when signed out. Any error (network, 5xx) is thrown: it is not a sign-out. */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  // Always 200, with `user: null` when nobody is signed in.
  const { user, memberships, isOperator } = await data(client.GET('/api/v1/auth/session', { signal }));
  return user ? { user, memberships, isOperator } : null;
}

export type SignupInput = Body<'/api/v1/auth/signup', 'post'>;
export type LoginInput = Body<'/api/v1/auth/login', 'post'>;

export const signup = (input: SignupInput) => data(client.POST('/api/v1/auth/signup', { body: input }));
export const login = (input: LoginInput) => data(client.POST('/api/v1/auth/login', { body: input }));
export const logout = () => data(client.POST('/api/v1/auth/logout', { body: {} }));
export const requestPasswordReset = (email: string) =>
  data(client.POST('/api/v1/auth/password-reset', { body: { email } }));
export const confirmPasswordReset = (token: string, password: string) =>
  data(client.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));

export type VerifyEmailResult = Answer<'/api/v1/auth/verify-email', 'post'>;
export const verifyEmail = (token: string) => data(client.POST('/api/v1/auth/verify-email', { body: { token } }));
export const resendEmailVerification = () => data(client.POST('/api/v1/auth/verify-email/resend', { body: {} }));

export { ApiError };
