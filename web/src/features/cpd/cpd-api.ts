import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, data, multipart } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { components } from '../../api/schema';

export type CpdRecord = components['schemas']['CpdRecord'];
export type CpdScheme = components['schemas']['CpdScheme'];

export const cpdKey = ['me', 'cpd'] as const;

export function useCpdRecord(period: number | null) {
  return useQuery({
    queryKey: [...cpdKey, period],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/me/cpd', { params: { query: period ? { period } : {} }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCpdPresets() {
  return useQuery({
    queryKey: ['cpd-presets'],
    queryFn: ({ signal }) => data(client.GET('/api/v1/me/cpd/presets', { signal })),
    staleTime: Infinity,
  });
}

export function useSetScheme() {
  return useRefreshingMutation(
    (body: { preset: string }) => data(client.PUT('/api/v1/me/cpd/scheme', { body })),
    [cpdKey],
  );
}

export type ActivityInput = {
  date: string;
  title: string;
  hours: number;
  category: 'structured' | 'self-directed';
  learned: string;
  application: string;
  evidenceLink?: string;
  file?: File | null;
};

/** Logs an activity; an evidence file is uploaded first and named by its id. */
export function useLogActivity() {
  return useRefreshingMutation(
    async ({ file, ...body }: ActivityInput) => {
      let evidenceFileId: string | undefined;
      if (file) {
        const form = new FormData();
        form.append('file', file);
        evidenceFileId = (await data(client.POST('/api/v1/me/cpd/evidence', multipart(form)))).id;
      }
      return data(
        client.POST('/api/v1/me/cpd/entries', { body: { ...body, ...(evidenceFileId ? { evidenceFileId } : {}) } }),
      );
    },
    [cpdKey],
  );
}

export function useDeleteActivity() {
  return useRefreshingMutation(
    (id: string) => data(client.DELETE('/api/v1/me/cpd/entries/{id}', { params: { path: { id } } })),
    [cpdKey],
    'settled',
  );
}

/** The audit pack is a plain download: the browser saves the ZIP the server streams. */
export const auditPackUrl = (from: string, to: string) =>
  `/api/v1/me/cpd/audit-pack?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
