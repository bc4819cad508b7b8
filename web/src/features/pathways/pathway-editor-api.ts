import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { client, data, isApiError } from '../../api/client';
import type { Answer, components } from '../../api/types';
import {
  referencedIds,
  type ApiNode,
  type DraftNode,
  type PathwayInput,
  type PreparedInput,
  type RefNames,
} from './pathway-tree';

export type OrgPathwayListItem = Answer<'/api/v1/orgs/{slug}/pathways', 'get'>['items'][number];

export type PathwayForEditor = components['schemas']['PathwayForEditor'];
export type PathwayVersion = components['schemas']['PathwayVersion'];
export type ValidationResult = Answer<'/api/v1/orgs/{slug}/pathways/validate', 'post'>;
export type CheckResult = ValidationResult & { sent: { tree: ApiNode; partialGroups: ReadonlySet<string> } };

const listKey = (slug: string) => ['org', slug, 'pathways'] as const;
const pathwayKey = (slug: string, id: string) => ['org', slug, 'pathway', id] as const;

export function useOrgPathways(slug: string) {
  return useQuery({
    queryKey: listKey(slug),
    queryFn: ({ signal }) => data(client.GET('/api/v1/orgs/{slug}/pathways', { params: { path: { slug } }, signal })),
    select: (data) => data.items,
  });
}

export function useOrgPathway(slug: string, id: string) {
  return useQuery({
    queryKey: pathwayKey(slug, id),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/pathways/{id}', { params: { path: { slug, id } }, signal })),
    enabled: id !== '',
  });
}

/** Saving or publishing answers the whole pathway: keep it, refresh the list and public pages. */
function useStore(slug: string) {
  const queryClient = useQueryClient();
  return async (pathway: PathwayForEditor) => {
    queryClient.setQueryData(pathwayKey(slug, pathway.id), pathway);
    await queryClient.invalidateQueries({ queryKey: listKey(slug) });
  };
}

export function useCreatePathway(slug: string) {
  const store = useStore(slug);
  return useMutation({
    mutationFn: (input: PathwayInput & { slug: string }) =>
      data(client.POST('/api/v1/orgs/{slug}/pathways', { params: { path: { slug } }, body: input })),
    onSuccess: store,
  });
}

export function useSaveDraft(slug: string) {
  const store = useStore(slug);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PathwayInput }) =>
      data(client.PUT('/api/v1/orgs/{slug}/pathways/{id}/draft', { params: { path: { slug, id } }, body: input })),
    onSuccess: store,
  });
}

export function usePublishPathway(slug: string) {
  const store = useStore(slug);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(client.POST('/api/v1/orgs/{slug}/pathways/{id}/publish', { params: { path: { slug, id } }, body: {} })),
    onSuccess: async (pathway) => {
      await store(pathway);
      await queryClient.invalidateQueries({ queryKey: ['pathways'] });
      await queryClient.invalidateQueries({ queryKey: ['pathway', pathway.id] });
    },
  });
}

/**
 * The server's checks of a draft (cycles, unpublished programmes, impossible groups) without
 * saving it. A body the schema refuses answers 400 with the same `errors[]`: both are results.
 * Each result carries what was sent, so its errors are placed on the tree they were about.
 */
export function usePathwayValidation(slug: string, pathwayId: string | null, prepared: PreparedInput) {
  const body = { ...prepared.input, ...(pathwayId ? { pathwayId } : {}) };
  return useQuery({
    queryKey: ['org', slug, 'pathway-check', JSON.stringify(body)],
    queryFn: async (): Promise<CheckResult> => {
      const sent = { tree: prepared.input.tree, partialGroups: prepared.partialGroups };
      try {
        return {
          ...(await data(client.POST('/api/v1/orgs/{slug}/pathways/validate', { params: { path: { slug } }, body }))),
          sent,
        };
      } catch (error) {
        if (isApiError(error) && error.status === 400 && error.errors.length > 0)
          return { valid: false, errors: error.errors, sent };
        throw error;
      }
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

// ---------------------------------------------------------------------------------------------
// Pickers and names

/** Published programmes of the catalogue matching a typed term (every provider's). */
export function useCatalogueOptions(term: string) {
  const q = term.trim();
  return useQuery({
    queryKey: ['catalog', 'picker', q],
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/catalog', {
          params: { query: { ...(q ? { q } : {}), pageSize: 20, sort: q ? 'relevance' : 'newest' } },
          signal,
        }),
      ),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** Published pathways matching a typed term (every provider's). */
export function usePathwayOptions(term: string) {
  const q = term.trim();
  return useQuery({
    queryKey: ['pathways', 'picker', q],
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/pathways', { params: { query: { ...(q ? { q } : {}), limit: 20 } }, signal })),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * Names of the programmes, pathways and skills a saved tree points at: the catalogue by id,
 * each pathway's public page, each skill. What the author picks in this session is added by
 * the editor itself.
 */
export function useRefNames({
  microcredentialIds,
  pathwayIds,
  skillIds,
}: {
  microcredentialIds: string[];
  pathwayIds: string[];
  skillIds: string[];
}): RefNames {
  const programmes = useQueries({
    queries: chunks([...microcredentialIds].sort(), 50).map((ids) => ({
      queryKey: ['catalog', 'programmes', ids],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        data(client.GET('/api/v1/catalog/programmes', { params: { query: { id: ids } }, signal })),
      staleTime: 5 * 60_000,
    })),
  });
  const pathways = useQueries({
    queries: pathwayIds.map((id) => ({
      queryKey: ['pathway', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        data(client.GET('/api/v1/pathways/{id}', { params: { path: { id } }, signal })),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const skills = useQueries({
    queries: skillIds.map((id) => ({
      queryKey: ['skill', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        data(client.GET('/api/v1/skills/{id}', { params: { path: { id } }, signal })),

      staleTime: 30 * 60_000,
    })),
  });
  const names: RefNames = {};
  for (const r of programmes)
    for (const item of r.data?.items ?? [])
      names[`microcredential:${item.id}`] = { name: item.title, provider: item.provider };
  for (const r of pathways)
    if (r.data) names[`pathway:${r.data.id}`] = { name: r.data.name, provider: r.data.provider };
  for (const r of skills) if (r.data) names[`skill:${r.data.id}`] = { name: r.data.name };
  return names;
}

/**
 * Names for the editor: those already known are kept (so a label never flickers while the
 * tree changes), the unknown ones looked up; `remember` adds what the author just picked.
 */
export function useKnownNames(tree: DraftNode): { names: RefNames; remember: (names: RefNames) => void } {
  const [known, setKnown] = useState<RefNames>({});
  const refs = referencedIds(tree);
  const fetched = useRefNames({
    microcredentialIds: refs.microcredentialIds.filter((id) => !known[`microcredential:${id}`]),
    pathwayIds: refs.pathwayIds.filter((id) => !known[`pathway:${id}`]),
    skillIds: refs.skillIds.filter((id) => !known[`skill:${id}`]),
  });
  const fresh = Object.keys(fetched).filter((key) => !known[key]);
  useEffect(() => {
    if (fresh.length > 0) setKnown((k) => ({ ...k, ...fetched }));
  });
  const remember = useCallback((names: RefNames) => setKnown((k) => ({ ...k, ...names })), []);
  return { names: { ...known, ...fetched }, remember };
}
