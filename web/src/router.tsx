import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './components/app-layout';
import { FullScreenLoader } from './components/page-states';
import { PublicLayout } from './components/public-layout';
import { RouteError } from './components/route-error';
import { RequireAuth } from './features/auth/require-auth';

/** A route whose page is its own chunk: `routes/<file>.tsx` exporting a default component. */
const page = (load: () => Promise<{ default: ComponentType }>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullScreenLoader />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { index: true, ...page(() => import('./routes/landing')) },
          { path: 'signup', ...page(() => import('./routes/signup')) },
          { path: 'login', ...page(() => import('./routes/login')) },
          { path: 'forgot-password', ...page(() => import('./routes/forgot-password')) },
          { path: 'reset-password', ...page(() => import('./routes/reset-password')) },
          { path: 'verify-email', ...page(() => import('./routes/verify-email')) },
          { path: 'invitations/:token', ...page(() => import('./routes/invitation')) },
          { path: 'verify', ...page(() => import('./routes/verify')) },
          { path: 'credentials/:id', ...page(() => import('./routes/credential')) },
          { path: 'p/:handle', ...page(() => import('./routes/public-profile')) },
          { path: 's/:token', ...page(() => import('./routes/share-link')) },
          { path: 'interactions/:id', ...page(() => import('./routes/interaction')) },
          { path: 'catalog', ...page(() => import('./routes/catalog')) },
          { path: 'catalog/:providerSlug/:slug', ...page(() => import('./routes/programme')) },
          { path: 'compare', ...page(() => import('./routes/compare')) },
          { path: 'pathways', ...page(() => import('./routes/pathways')) },
          { path: 'pathways/:id', ...page(() => import('./routes/pathway')) },
          { path: 'registers/:accreditorSlug', ...page(() => import('./routes/register')) },
          {
            path: 'accreditation/:accreditorSlug/schemes/:schemeSlug',
            ...page(() => import('./routes/accreditation-scheme')),
          },
          { path: 'partners/:slug', ...page(() => import('./routes/partner')) },
          { path: 'providers/:slug', ...page(() => import('./routes/provider')) },
          { path: '*', ...page(() => import('./routes/not-found')) },
        ],
      },
      {
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { path: 'home', ...page(() => import('./routes/home-redirect')) },
          { path: 'welcome', ...page(() => import('./routes/welcome')) },
          { path: 'orgs/new', ...page(() => import('./routes/new-org')) },
          { path: 'me', ...page(() => import('./routes/me')) },
          { path: 'me/credentials', ...page(() => import('./routes/my-credentials')) },
          { path: 'me/pathways', ...page(() => import('./routes/my-pathways')) },
          { path: 'me/pathways/:id', ...page(() => import('./routes/my-pathway')) },
          { path: 'me/wallet', ...page(() => import('./routes/wallet')) },
          { path: 'me/goals', ...page(() => import('./routes/my-goals')) },
          { path: 'me/goals/:id', ...page(() => import('./routes/my-goal')) },
          { path: 'me/cpd', ...page(() => import('./routes/my-cpd')) },
          { path: 'me/sharing', ...page(() => import('./routes/sharing')) },
          { path: 'me/profile', ...page(() => import('./routes/my-profile')) },
          { path: 'me/resume', ...page(() => import('./routes/my-resume')) },
          { path: 'learn/:enrolmentId', ...page(() => import('./routes/learn')) },
          { path: 'community', ...page(() => import('./routes/community')) },
          { path: 'community/threads/:threadId', ...page(() => import('./routes/community-thread')) },
          { path: 'community/:spaceId', ...page(() => import('./routes/community-space')) },
          { path: 'admin/jobs', ...page(() => import('./routes/admin-jobs')) },
          {
            path: 'o/:slug',
            ...page(() => import('./routes/org-layout')),
            children: [
              { index: true, ...page(() => import('./routes/org-home')) },
              { path: 'members', ...page(() => import('./routes/members')) },
              { path: 'credentials', ...page(() => import('./routes/credentials')) },
              { path: 'credentials/new', ...page(() => import('./routes/issue-credential')) },
              { path: 'issue/bulk', ...page(() => import('./routes/bulk-issuance')) },
              { path: 'candidate-checks', ...page(() => import('./routes/candidate-checks')) },
              { path: 'accreditation', ...page(() => import('./routes/accreditation')) },
              { path: 'accreditation/applications/:id', ...page(() => import('./routes/accreditation-application')) },
              { path: 'settings', ...page(() => import('./routes/org-settings')) },
              { path: 'settings/api-keys', ...page(() => import('./routes/api-keys')) },
              { path: 'settings/webhooks', ...page(() => import('./routes/webhooks')) },
              { path: 'settings/webhooks/:id', ...page(() => import('./routes/webhooks-detail')) },
              { path: 'settings/audit-log', ...page(() => import('./routes/audit-log')) },
              { path: 'settings/vouchers', ...page(() => import('./routes/vouchers')) },
              { path: 'settings/keys', ...page(() => import('./routes/signing-keys')) },
              { path: 'programmes', ...page(() => import('./routes/programmes')) },
              { path: 'programmes/:id', ...page(() => import('./routes/programme-editor')) },
              { path: 'pathways', ...page(() => import('./routes/org-pathways')) },
              { path: 'pathways/:id', ...page(() => import('./routes/pathway-editor')) },
              { path: 'reviews', ...page(() => import('./routes/reviews')) },
              { path: 'endorsements', ...page(() => import('./routes/org-endorsements')) },
              { path: 'reviews/:submissionId', ...page(() => import('./routes/review')) },
              { path: 'community', ...page(() => import('./routes/org-community')) },
              { path: 'settings/skills', ...page(() => import('./routes/skills-import')) },
              { path: 'roles', ...page(() => import('./routes/workforce-roles')) },
              { path: 'roles/:roleId', ...page(() => import('./routes/workforce-gaps')) },
              { path: 'workforce', ...page(() => import('./routes/workforce-dashboard')) },
              { path: '*', ...page(() => import('./routes/not-found')) },
            ],
          },
        ],
      },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
