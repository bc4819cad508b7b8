import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { client, data } from '../../api/client';

/** Starts (or resumes) a drawn, timed quiz attempt: the server picks the questions and starts the clock. */
export function useStartQuizAttempt(id: string, moduleId: string) {
  return useMutation({
    mutationFn: () =>
      data(
        client.POST('/api/v1/me/enrolments/{id}/modules/{moduleId}/quiz-attempts/start', {
          params: { path: { id, moduleId } },
          body: {},
        }),
      ),
  });
}

/**
 * Reports the time a module stays open (every minute, and on leaving), so providers see how
 * long reading takes. Best effort: a failed report is not retried.
 */
export function useReadingTime(enrolmentId: string, moduleId: string | null, isEnabled: boolean) {
  const since = useRef(Date.now());
  useEffect(() => {
    if (!moduleId || !isEnabled) return;
    since.current = Date.now();
    const report = () => {
      const seconds = Math.min(900, Math.floor((Date.now() - since.current) / 1000));
      since.current = Date.now();
      if (seconds < 1 || document.visibilityState === 'hidden') return;
      void client
        .POST('/api/v1/me/enrolments/{id}/modules/{moduleId}/time-spent', {
          params: { path: { id: enrolmentId, moduleId } },
          body: { seconds },
        })
        .catch(() => undefined);
    };
    const timer = window.setInterval(report, 60_000);
    return () => {
      window.clearInterval(timer);
      report();
    };
  }, [enrolmentId, moduleId, isEnabled]);
}
