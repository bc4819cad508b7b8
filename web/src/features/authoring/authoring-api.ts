import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, data, multipart } from '../../api/client';
import type { Body, ModuleInput, UploadedImage, VersionPatch } from '../../api/types';

const listKey = (slug: string) => ['org', slug, 'microcredentials'] as const;
export const microcredentialKey = (slug: string, id: string) => ['org', slug, 'microcredential', id] as const;

export function useMicrocredentials(slug: string) {
  return useQuery({
    queryKey: listKey(slug),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/microcredentials', { params: { path: { slug } }, signal })),
    select: (data) => data.items,
  });
}

export function useMicrocredential(slug: string, id: string) {
  return useQuery({
    queryKey: microcredentialKey(slug, id),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/microcredentials/{id}', { params: { path: { slug, id } }, signal })),
  });
}

export function useCreateMicrocredential(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<'/api/v1/orgs/{slug}/microcredentials', 'post'>) =>
      data(client.POST('/api/v1/orgs/{slug}/microcredentials', { params: { path: { slug } }, body: input })),
    onSuccess: (mc) => {
      queryClient.setQueryData(microcredentialKey(slug, mc.id), mc);
      return queryClient.invalidateQueries({ queryKey: listKey(slug) });
    },
  });
}

/** Every write to a micro-credential refreshes it and the list (titles and statuses change). */
function useRefresh(slug: string, id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: microcredentialKey(slug, id) }),
      queryClient.invalidateQueries({ queryKey: listKey(slug) }),
    ]);
}

export function useUpdateVersion(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: (patch: VersionPatch) =>
      data(
        client.PATCH('/api/v1/orgs/{slug}/microcredentials/{id}/versions/{versionId}', {
          params: { path: { slug, id, versionId } },
          body: patch,
        }),
      ),
    onSuccess: refresh,
  });
}

export function usePublishVersion(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      data(
        client.POST('/api/v1/orgs/{slug}/microcredentials/{id}/versions/{versionId}/publish', {
          params: { path: { slug, id, versionId } },
          body: {},
        }),
      ),
    onSuccess: async () => {
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}

export function useCreateDraft(slug: string, id: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: () =>
      data(
        client.POST('/api/v1/orgs/{slug}/microcredentials/{id}/drafts', { params: { path: { slug, id } }, body: {} }),
      ),
    onSuccess: refresh,
  });
}

export function useSaveModule(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: ({ moduleId, input }: { moduleId: string | null; input: ModuleInput }) =>
      moduleId
        ? data(
            client.PATCH('/api/v1/orgs/{slug}/microcredentials/{id}/versions/{versionId}/modules/{moduleId}', {
              params: { path: { slug, id, versionId, moduleId } },
              body: input,
            }),
          )
        : data(
            client.POST('/api/v1/orgs/{slug}/microcredentials/{id}/versions/{versionId}/modules', {
              params: { path: { slug, id, versionId } },
              body: input,
            }),
          ),
    onSuccess: refresh,
  });
}

export function useRemoveModule(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: (moduleId: string) =>
      data(
        client.DELETE('/api/v1/orgs/{slug}/microcredentials/{id}/versions/{versionId}/modules/{moduleId}', {
          params: { path: { slug, id, versionId, moduleId } },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useReorderModules(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: (moduleIds: string[]) =>
      data(
        client.PUT('/api/v1/orgs/{slug}/microcredentials/{id}/versions/{versionId}/modules/order', {
          params: { path: { slug, id, versionId } },
          body: { moduleIds },
        }),
      ),
    onSuccess: refresh,
  });
}

export function uploadImage(slug: string, file: File): Promise<UploadedImage> {
  const form = new FormData();
  form.append('file', file);
  return data(client.POST('/api/v1/orgs/{slug}/images', { params: { path: { slug } }, ...multipart(form) }));
}
