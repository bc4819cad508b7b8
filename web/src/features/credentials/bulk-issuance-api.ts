import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, data, multipart } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { components } from '../../api/schema';

export type IssuanceJob = components['schemas']['IssuanceJob'];
export type IssuanceJobPreview = components['schemas']['IssuanceJobPreview'];

const jobsKey = (slug: string) => ['org', slug, 'issuance-jobs'] as const;

function formOf(microcredentialId: string, file: File): FormData {
  const form = new FormData();
  form.append('microcredentialId', microcredentialId);
  form.append('file', file);
  return form;
}

export function useIssuanceJobs(slug: string) {
  return useItemsQuery(jobsKey(slug), (signal) =>
    data(client.GET('/api/v1/orgs/{slug}/issuance-jobs', { params: { path: { slug } }, signal })),
  );
}

export function usePreviewIssuance(slug: string) {
  return useMutation({
    mutationFn: ({ microcredentialId, file }: { microcredentialId: string; file: File }) =>
      data(
        client.POST('/api/v1/orgs/{slug}/issuance-jobs/preview', {
          params: { path: { slug } },
          ...multipart(formOf(microcredentialId, file)),
        }),
      ),
  });
}

export function useCreateIssuanceJob(slug: string) {
  return useRefreshingMutation(
    ({ microcredentialId, file }: { microcredentialId: string; file: File }) =>
      data(
        client.POST('/api/v1/orgs/{slug}/issuance-jobs', {
          params: { path: { slug } },
          ...multipart(formOf(microcredentialId, file)),
        }),
      ),
    [jobsKey(slug)],
  );
}

export function useCancelIssuanceJob(slug: string) {
  return useRefreshingMutation(
    (id: string) =>
      data(client.POST('/api/v1/orgs/{slug}/issuance-jobs/{id}/cancel', { params: { path: { slug, id } }, body: {} })),
    [jobsKey(slug)],
  );
}

export const jobUrl = (slug: string, id: string, path = '') =>
  `/api/v1/orgs/${encodeURIComponent(slug)}/issuance-jobs/${encodeURIComponent(id)}${path}`;

/**
 * The job as its event stream reports it (`progress` events, then `done`); the stream is closed
 * when the component unmounts or the job ends. Lists refresh once it is done.
 */
export function useIssuanceJobEvents(slug: string, id: string | undefined) {
  const [job, setJob] = useState<IssuanceJob | undefined>();
  const [isBroken, setIsBroken] = useState(false);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!id) return;
    setJob(undefined);
    setIsBroken(false);
    const source = new EventSource(jobUrl(slug, id, '/events'), { withCredentials: true });
    const read = (event: MessageEvent<string>) => setJob(JSON.parse(event.data) as IssuanceJob);
    source.addEventListener('progress', read);
    source.addEventListener('done', (event) => {
      read(event);
      source.close();
      void queryClient.invalidateQueries({ queryKey: jobsKey(slug) });
    });
    source.onerror = () => {
      // EventSource reconnects by itself; a closed stream after `done` is not an error.
      if (source.readyState === EventSource.CLOSED) setIsBroken(true);
    };
    return () => source.close();
  }, [slug, id, queryClient]);
  return { job, isBroken };
}
