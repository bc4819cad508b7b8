import { api, ApiError, isApiError } from '../../api/client';
import type { Session, User } from '../../api/types';

export const sessionKey = ['session'] as const;

/** The signed-in session, or null when signed out (the server answers 401). */
export async function fetchSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    return await api.get<Session>('/api/v1/auth/session', signal);
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
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
