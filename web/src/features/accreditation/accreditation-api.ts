import { useQuery } from '@tanstack/react-query';
import { client, data, multipart } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import type { Answer, Body, components } from '../../api/types';

type Schemas = components['schemas'];
export type Scheme = Schemas['AccreditationScheme'];
export type PublicScheme = Schemas['PublicAccreditationScheme'];
export type SchemeInput = Body<'/api/v1/orgs/{slug}/accreditation/schemes', 'post'>;
export type SchemeChanges = Body<'/api/v1/orgs/{slug}/accreditation/schemes/{schemeId}', 'patch'>;
export type Application = Schemas['AccreditationApplication'];
export type ApplicationSummary = Schemas['AccreditationApplicationSummary'];
export type ApplicationInput = Body<'/api/v1/orgs/{slug}/accreditation/applications', 'post'>;
export type DecisionInput = Body<'/api/v1/orgs/{slug}/accreditation/applications/{id}/decision', 'post'>;
export type CheckInput = Body<'/api/v1/orgs/{slug}/accreditation/applications/{id}/checks', 'put'>;
export type Accreditation = Schemas['Accreditation'];
export type StatusChange = Body<'/api/v1/orgs/{slug}/accreditation/granted/{id}/status', 'post'>;
export type Register = Answer<'/api/v1/registers/{accreditorSlug}', 'get'>;
export type RegisterEntry = Schemas['RegisterEntry'];

const key = (slug: string) => ['org', slug, 'accreditation'] as const;
const applicationKey = (slug: string, id: string) => [...key(slug), 'application', id] as const;

export function useSchemes(slug: string, enabled = true) {
  return useItemsQuery(
    [...key(slug), 'schemes'],
    (signal) => data(client.GET('/api/v1/orgs/{slug}/accreditation/schemes', { params: { path: { slug } }, signal })),
    enabled,
  );
}

export function useOpenSchemes(enabled = true) {
  return useItemsQuery(
    ['accreditation', 'open-schemes'],
    (signal) => data(client.GET('/api/v1/accreditation/schemes', { signal })),
    enabled,
  );
}

export function usePublicScheme(accreditorSlug: string, schemeSlug: string) {
  return useQuery({
    queryKey: ['accreditation', 'scheme', accreditorSlug, schemeSlug],
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/accreditation/{accreditorSlug}/schemes/{schemeSlug}', {
          params: { path: { accreditorSlug, schemeSlug } },
          signal,
        }),
      ),
  });
}

export function useCreateScheme(slug: string) {
  return useRefreshingMutation(
    (input: SchemeInput) =>
      data(client.POST('/api/v1/orgs/{slug}/accreditation/schemes', { params: { path: { slug } }, body: input })),
    [key(slug)],
  );
}

/** Changes a scheme; accreditations already granted keep what they were signed with. */
export function useUpdateScheme(slug: string) {
  return useRefreshingMutation(
    ({ schemeId, changes }: { schemeId: string; changes: SchemeChanges }) =>
      data(
        client.PATCH('/api/v1/orgs/{slug}/accreditation/schemes/{schemeId}', {
          params: { path: { slug, schemeId } },
          body: changes,
        }),
      ),
    [key(slug), ['accreditation']],
  );
}

export function useApplications(slug: string, side: 'received' | 'sent', enabled = true) {
  return useItemsQuery(
    [...key(slug), 'applications', side],
    (signal) =>
      data(
        client.GET('/api/v1/orgs/{slug}/accreditation/applications', {
          params: { path: { slug }, query: { side } },
          signal,
        }),
      ),
    enabled,
  );
}

export function useSubmitApplication(slug: string) {
  return useRefreshingMutation(
    (input: ApplicationInput) =>
      data(client.POST('/api/v1/orgs/{slug}/accreditation/applications', { params: { path: { slug } }, body: input })),
    [key(slug)],
  );
}

export function useApplication(slug: string, id: string) {
  return useQuery({
    queryKey: applicationKey(slug, id),
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/accreditation/applications/{id}', { params: { path: { slug, id } }, signal }),
      ),
  });
}

/** Every change to an application answers with the application: the page refreshes its lists too. */
function useApplicationMutation<T>(slug: string, id: string, send: (input: T) => Promise<Application>) {
  return useRefreshingMutation(send, [key(slug)]);
}

export function useUploadEvidence(slug: string, id: string) {
  return useApplicationMutation(slug, id, (input: { file: File; evidenceItem: string }) => {
    const form = new FormData();
    if (input.evidenceItem) form.append('evidenceItem', input.evidenceItem);
    form.append('file', input.file);
    return data(
      client.POST('/api/v1/orgs/{slug}/accreditation/applications/{id}/evidence', {
        params: { path: { slug, id } },
        ...multipart(form),
      }),
    );
  });
}

export function useSendMessage(slug: string, id: string, kind: 'comments' | 'information-requests' | 'answers') {
  return useApplicationMutation(slug, id, (body: string) => {
    const options = { params: { path: { slug, id } }, body: { body } };
    switch (kind) {
      case 'comments':
        return data(client.POST('/api/v1/orgs/{slug}/accreditation/applications/{id}/comments', options));
      case 'information-requests':
        return data(client.POST('/api/v1/orgs/{slug}/accreditation/applications/{id}/information-requests', options));
      case 'answers':
        return data(client.POST('/api/v1/orgs/{slug}/accreditation/applications/{id}/answers', options));
    }
  });
}

export function useRecordCheck(slug: string, id: string) {
  return useApplicationMutation(slug, id, (input: CheckInput) =>
    data(
      client.PUT('/api/v1/orgs/{slug}/accreditation/applications/{id}/checks', {
        params: { path: { slug, id } },
        body: input,
      }),
    ),
  );
}

export function useDecide(slug: string, id: string) {
  return useApplicationMutation(slug, id, (input: DecisionInput) =>
    data(
      client.POST('/api/v1/orgs/{slug}/accreditation/applications/{id}/decision', {
        params: { path: { slug, id } },
        body: input,
      }),
    ),
  );
}

export function useGranted(slug: string, enabled = true) {
  return useItemsQuery(
    [...key(slug), 'granted'],
    (signal) => data(client.GET('/api/v1/orgs/{slug}/accreditation/granted', { params: { path: { slug } }, signal })),
    enabled,
  );
}

export function useHeld(slug: string, enabled = true) {
  return useItemsQuery(
    [...key(slug), 'held'],
    (signal) => data(client.GET('/api/v1/orgs/{slug}/accreditation/held', { params: { path: { slug } }, signal })),
    enabled,
  );
}

export function useChangeAccreditationStatus(slug: string) {
  return useRefreshingMutation(
    ({ id, change }: { id: string; change: StatusChange }) =>
      data(
        client.POST('/api/v1/orgs/{slug}/accreditation/granted/{id}/status', {
          params: { path: { slug, id } },
          body: change,
        }),
      ),
    [key(slug)],
  );
}

export function useRegister(accreditorSlug: string, q: string) {
  return useQuery({
    queryKey: ['register', accreditorSlug, q],
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/registers/{accreditorSlug}', {
          params: { path: { accreditorSlug }, query: q ? { q } : {} },
          signal,
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

export const statusLabels: Record<Accreditation['status'], string> = {
  candidate: 'Candidate',
  accredited: 'Accredited',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  suspended: 'Suspended',
  refused: 'Refused',
};

export const statusColors: Record<Accreditation['status'], string> = {
  candidate: 'blue',
  accredited: 'teal',
  expired: 'gray',
  withdrawn: 'red',
  suspended: 'orange',
  refused: 'red',
};

export const stateLabels: Record<Application['state'], string> = {
  submitted: 'Submitted',
  information_requested: 'Information requested',
  resubmitted: 'Answered, waiting for review',
  decided: 'Decided',
};
