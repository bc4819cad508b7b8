import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload, seg } from '../../api/client';
import type {
  EnrolmentDetail,
  EnrolmentSummary,
  MyCredential,
  QuizAnswers,
  QuizAttemptResult,
  Submission,
} from '../../api/learning-types';
import type { Items } from '../../api/types';

export const myLearningKey = ['me', 'learning'] as const;
export const enrolmentKey = (id: string) => ['me', 'enrolment', id] as const;
export const myCredentialsKey = ['me', 'credentials'] as const;

/** My enrolments: active first, then completed, then withdrawn. */
export function useMyLearning(isEnabled = true) {
  return useQuery({
    queryKey: myLearningKey,
    queryFn: ({ signal }) => api.get<Items<EnrolmentSummary>>('/api/v1/me/learning', signal),
    select: (data) => data.items,
    enabled: isEnabled,
  });
}

export function useEnrolment(id: string) {
  return useQuery({
    queryKey: enrolmentKey(id),
    queryFn: ({ signal }) => api.get<EnrolmentDetail>(`/api/v1/me/enrolments/${seg(id)}`, signal),
  });
}

export function useMyCredentials() {
  return useQuery({
    queryKey: myCredentialsKey,
    queryFn: ({ signal }) => api.get<Items<MyCredential>>('/api/v1/me/credentials', signal),
    select: (data) => data.items,
  });
}

/** Keeps the enrolment page and My learning in step with an answer that carries the enrolment. */
function useStoreEnrolment() {
  const queryClient = useQueryClient();
  return (detail: EnrolmentDetail) => {
    queryClient.setQueryData(enrolmentKey(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: myLearningKey });
    if (detail.credentialId) void queryClient.invalidateQueries({ queryKey: myCredentialsKey });
  };
}

export function useEnrol(providerSlug: string, slug: string) {
  const store = useStoreEnrolment();
  return useMutation({
    mutationFn: (voucherCode?: string) =>
      api.post<EnrolmentDetail>(`/api/v1/catalog/${seg(providerSlug)}/${seg(slug)}/enrol`, voucherCode ? { voucherCode } : {}),
    onSuccess: store,
  });
}

export function useWithdraw(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<EnrolmentSummary>(`/api/v1/me/enrolments/${seg(id)}/withdraw`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: enrolmentKey(id) }), queryClient.invalidateQueries({ queryKey: myLearningKey })]),
  });
}

export function useCompleteModule(id: string) {
  const store = useStoreEnrolment();
  return useMutation({
    mutationFn: (moduleId: string) => api.post<EnrolmentDetail>(`/api/v1/me/enrolments/${seg(id)}/modules/${seg(moduleId)}/complete`),
    onSuccess: store,
  });
}

export function useSubmitQuiz(id: string, moduleId: string) {
  const store = useStoreEnrolment();
  return useMutation({
    mutationFn: (answers: QuizAnswers) =>
      api.post<QuizAttemptResult>(`/api/v1/me/enrolments/${seg(id)}/modules/${seg(moduleId)}/quiz-attempts`, { answers }),
    onSuccess: (result) => store(result.enrolment),
  });
}

export type EvidenceInput = { text?: string; link?: string; file?: File };

export function useSubmitEvidence(id: string, moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, link, file }: EvidenceInput) => {
      const path = `/api/v1/me/enrolments/${seg(id)}/modules/${seg(moduleId)}/submissions`;
      if (!file) return api.post<Submission>(path, { ...(text ? { text } : {}), ...(link ? { link } : {}) });
      const form = new FormData();
      if (text) form.append('text', text);
      if (link) form.append('link', link);
      form.append('file', file);
      return apiUpload<Submission>(path, form);
    },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: enrolmentKey(id) }), queryClient.invalidateQueries({ queryKey: myLearningKey })]),
  });
}

export const learnPath = (enrolmentId: string, moduleId?: string | null) =>
  `/learn/${seg(enrolmentId)}${moduleId ? `?module=${encodeURIComponent(moduleId)}` : ''}`;
