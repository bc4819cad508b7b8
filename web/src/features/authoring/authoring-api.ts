import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, apiUpload, seg } from '../../api/client';
import type {
  AuthoringModule,
  Microcredential,
  MicrocredentialListItem,
  MicrocredentialVersion,
  ModuleInput,
  UploadedImage,
  VersionPatch,
} from '../../api/catalog-types';
import type { Items } from '../../api/types';

const base = (slug: string) => `/api/v1/orgs/${seg(slug)}/microcredentials`;
const listKey = (slug: string) => ['org', slug, 'microcredentials'] as const;
export const microcredentialKey = (slug: string, id: string) => ['org', slug, 'microcredential', id] as const;

export function useMicrocredentials(slug: string) {
  return useQuery({
    queryKey: listKey(slug),
    queryFn: ({ signal }) => api.get<Items<MicrocredentialListItem>>(base(slug), signal),
    select: (data) => data.items,
  });
}

export function useMicrocredential(slug: string, id: string) {
  return useQuery({
    queryKey: microcredentialKey(slug, id),
    queryFn: ({ signal }) => api.get<Microcredential>(`${base(slug)}/${seg(id)}`, signal),
  });
}

export function useCreateMicrocredential(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { slug: string; title: string }) => api.post<Microcredential>(base(slug), input),
    onSuccess: (mc) => {
      queryClient.setQueryData(microcredentialKey(slug, mc.id), mc);
      return queryClient.invalidateQueries({ queryKey: listKey(slug) });
    },
  });
}

/** Every write to a micro-credential refreshes it and the list (titles and statuses change). */
function useRefresh(slug: string, id: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: microcredentialKey(slug, id) }), queryClient.invalidateQueries({ queryKey: listKey(slug) })]);
}

export function useUpdateVersion(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: (patch: VersionPatch) => api.patch<MicrocredentialVersion>(`${base(slug)}/${seg(id)}/versions/${seg(versionId)}`, patch),
    onSuccess: refresh,
  });
}

export function usePublishVersion(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MicrocredentialVersion>(`${base(slug)}/${seg(id)}/versions/${seg(versionId)}/publish`),
    onSuccess: async () => {
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}

export function useCreateDraft(slug: string, id: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: () => api.post<MicrocredentialVersion>(`${base(slug)}/${seg(id)}/drafts`),
    onSuccess: refresh,
  });
}

export function useSaveModule(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: ({ moduleId, input }: { moduleId: string | null; input: ModuleInput }) =>
      moduleId
        ? api.patch<AuthoringModule>(`${base(slug)}/${seg(id)}/versions/${seg(versionId)}/modules/${seg(moduleId)}`, input)
        : api.post<AuthoringModule>(`${base(slug)}/${seg(id)}/versions/${seg(versionId)}/modules`, input),
    onSuccess: refresh,
  });
}

export function useRemoveModule(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: (moduleId: string) => api.delete(`${base(slug)}/${seg(id)}/versions/${seg(versionId)}/modules/${seg(moduleId)}`),
    onSuccess: refresh,
  });
}

export function useReorderModules(slug: string, id: string, versionId: string) {
  const refresh = useRefresh(slug, id);
  return useMutation({
    mutationFn: (moduleIds: string[]) =>
      apiRequest<Items<AuthoringModule>>('PUT', `${base(slug)}/${seg(id)}/versions/${seg(versionId)}/modules/order`, { body: { moduleIds } }),
    onSuccess: refresh,
  });
}

export function uploadImage(slug: string, file: File): Promise<UploadedImage> {
  const form = new FormData();
  form.append('file', file);
  return apiUpload<UploadedImage>(`/api/v1/orgs/${seg(slug)}/images`, form);
}
