import { useQuery } from '@tanstack/react-query';
import { client, data, multipart } from '../../api/client';
import { useRefreshingMutation } from '../../api/hooks';
import type { components } from '../../api/schema';

export type CandidateCheck = components['schemas']['CandidateCheck'];
export type CandidateCheckSummary = components['schemas']['CandidateCheckSummary'];
export type CandidateCheckItem = components['schemas']['CandidateCheckItem'];
export type CandidateItemStatus = components['schemas']['CandidateItemStatus'];

const checksKey = (slug: string) => ['org', slug, 'candidate-checks'] as const;

/** What a person sends: files (credentials, ZIPs, CSVs of URLs), pasted URLs, and whose they should be. */
export type CandidateUploadInput = { files: File[]; urls: string; candidateEmail: string };

const isOpen = (check: { status: string }) => check.status === 'queued' || check.status === 'running';

/** The organisation's checks; refreshed every few seconds while one of them runs. */
export function useCandidateChecks(slug: string) {
  return useQuery({
    queryKey: checksKey(slug),
    queryFn: ({ signal }) =>
      data(client.GET('/api/v1/orgs/{slug}/candidate-checks', { params: { path: { slug } }, signal })),
    select: (list) => list.items,
    refetchInterval: (query) => (query.state.data?.items.some(isOpen) ? 2000 : false),
  });
}

/** One check; polled every second while it runs, then left alone. */
export function useCandidateCheck(slug: string, id: string | undefined) {
  return useQuery({
    queryKey: [...checksKey(slug), id],
    enabled: id !== undefined,
    queryFn: ({ signal }) =>
      data(
        client.GET('/api/v1/orgs/{slug}/candidate-checks/{id}', { params: { path: { slug, id: id ?? '' } }, signal }),
      ),
    refetchInterval: (query) => (query.state.data && !isOpen(query.state.data) ? false : 1000),
  });
}

export function useStartCandidateCheck(slug: string) {
  return useRefreshingMutation(
    ({ files, urls, candidateEmail }: CandidateUploadInput) => {
      const form = new FormData();
      for (const file of files) form.append('files', file, file.name);
      if (urls.trim() !== '') form.append('urls', urls);
      if (candidateEmail.trim() !== '') form.append('candidateEmail', candidateEmail.trim());
      return data(
        client.POST('/api/v1/orgs/{slug}/candidate-checks', { params: { path: { slug } }, ...multipart(form) }),
      );
    },
    [checksKey(slug)],
  );
}

export const reportUrl = (slug: string, id: string) =>
  `/api/v1/orgs/${encodeURIComponent(slug)}/candidate-checks/${encodeURIComponent(id)}/report.csv`;

/** Words and colours for each outcome: the colour is never the only signal (the label is always shown). */
export const STATUS_LABELS: Record<CandidateItemStatus, { label: string; color: string }> = {
  pending: { label: 'Not checked yet', color: 'gray' },
  valid: { label: 'Valid', color: 'green' },
  expired: { label: 'Expired', color: 'orange' },
  revoked: { label: 'Revoked', color: 'red' },
  suspended: { label: 'Suspended', color: 'orange' },
  signature_invalid: { label: 'Signature invalid', color: 'red' },
  issuer_unknown: { label: 'Issuer unknown', color: 'grape' },
  not_addressed_to_candidate: { label: 'Not addressed to the candidate', color: 'red' },
  unverifiable: { label: 'Could not be verified', color: 'gray' },
};
