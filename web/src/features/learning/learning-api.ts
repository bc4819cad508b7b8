import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, multipart, seg, undeclaredBody } from '../../api/client';
import type { EnrolmentDetail, QuizAnswers } from '../../api/types';

export const myLearningKey = ['me', 'learning'] as const;
export const enrolmentKey = (id: string) => ['me', 'enrolment', id] as const;
export const myCredentialsKey = ['me', 'credentials'] as const;

/** My enrolments: active first, then completed, then withdrawn. */
export function useMyLearning(isEnabled = true) {
  return useQuery({
    queryKey: myLearningKey,
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/learning', { signal })),
    select: (data) => data.items,
    enabled: isEnabled,
  });
}

export function useEnrolment(id: string) {
  return useQuery({
    queryKey: enrolmentKey(id),
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/enrolments/{id}', { params: { path: { id } }, signal })),
  });
}

export function useMyCredentials() {
  return useQuery({
    queryKey: myCredentialsKey,
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/credentials', { signal })),
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
      data(
        client.POST('/api/v1/catalog/{providerSlug}/{slug}/enrol', {
          params: { path: { providerSlug, slug } },
          body: voucherCode ? { voucherCode } : {},
        }),
      ),
    onSuccess: store,
  });
}

export function useWithdraw(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => data(client.POST('/api/v1/me/enrolments/{id}/withdraw', { params: { path: { id } }, body: {} })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: enrolmentKey(id) }),
        queryClient.invalidateQueries({ queryKey: myLearningKey }),
      ]),
  });
}

export function useCompleteModule(id: string) {
  const store = useStoreEnrolment();
  return useMutation({
    mutationFn: (moduleId: string) =>
      data(
        client.POST('/api/v1/me/enrolments/{id}/modules/{moduleId}/complete', {
          params: { path: { id, moduleId } },
          body: {},
        }),
      ),
    onSuccess: store,
  });
}

export function useSubmitQuiz(id: string, moduleId: string) {
  const store = useStoreEnrolment();
  return useMutation({
    mutationFn: (answers: QuizAnswers) =>
      data(
        client.POST('/api/v1/me/enrolments/{id}/modules/{moduleId}/quiz-attempts', {
          params: { path: { id, moduleId } },
          body: { answers },
        }),
      ),
    onSuccess: (result) => store(result.enrolment),
  });
}

export type EvidenceInput = { text?: string; link?: string; file?: File };

export function useSubmitEvidence(id: string, moduleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, link, file }: EvidenceInput) => {
      const route = '/api/v1/me/enrolments/{id}/modules/{moduleId}/submissions';
      const params = { path: { id, moduleId } };
      if (!file)
        return data(
          client.POST(route, { params, ...undeclaredBody({ ...(text ? { text } : {}), ...(link ? { link } : {}) }) }),
        );
      const form = new FormData();
      if (text) form.append('text', text);
      if (link) form.append('link', link);
      form.append('file', file);
      return data(client.POST(route, { params, ...multipart(form) }));
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: enrolmentKey(id) }),
        queryClient.invalidateQueries({ queryKey: myLearningKey }),
      ]),
  });
}

export const learnPath = (enrolmentId: string, moduleId?: string | null) =>
  `/learn/${seg(enrolmentId)}${moduleId ? `?module=${encodeURIComponent(moduleId)}` : ''}`;
