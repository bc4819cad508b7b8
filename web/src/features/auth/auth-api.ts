import { api, ApiError } from '../../api/client';
import type { Membership, Session, User } from '../../api/types';

export const sessionKey = ['session'] as const;

/** What `GET /api/v1/auth/session` answers: always 200, with `user: null` when nobody is signed in. */
type SessionAnswer = { user: User | null; memberships: Membership[]; isOperator?: boolean };

/** The signed-in session, or null when signed out. Any error (network, 5xx) is thrown: it is not a sign-out. */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  const answer = await api.get<SessionAnswer>('/api/v1/auth/session', signal);
  if (!answer.user) return null;
  return { user: answer.user, memberships: answer.memberships, isOperator: answer.isOperator ?? false };
}

export type SignupInput = { name: string; email: string; password: string };
export type LoginInput = { email: string; password: string };

export const signup = (input: SignupInput) => api.post<{ user: User }>('/api/v1/auth/signup', input);
export const login = (input: LoginInput) => api.post<{ user: User }>('/api/v1/auth/login', input);
export const logout = () => api.post<void>('/api/v1/auth/logout');
export const requestPasswordReset = (email: string) => api.post<void>('/api/v1/auth/password-reset', { email });
export const confirmPasswordReset = (token: string, password: string) =>
  api.post<void>('/api/v1/auth/password-reset/confirm', { token, password });

export type VerifyEmailResult = { email: string; wasVerified: boolean; claimedCredentials: number };
export const verifyEmail = (token: string) => api.post<VerifyEmailResult>('/api/v1/auth/verify-email', { token });
export const resendEmailVerification = () => api.post<{ status: 'queued'; email: string }>('/api/v1/auth/verify-email/resend');

export { ApiError };
