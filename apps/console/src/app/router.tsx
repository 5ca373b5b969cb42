import { Flex, Spin } from 'antd';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { policies } from '@/lib/authorization';
import { messagesReady } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { RequirePolicy } from './routes/require-policy';

/**
 * A page's module, once the dictionaries it imports have the reader's language: English is fetched
 * for them the first time, and the page renders after, never with keys or Chinese in their place.
 */
async function page<T>(module: Promise<T>): Promise<T> {
  const loaded = await module;
  await messagesReady();
  return loaded;
}

function FullPageSpinner() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Waits for the session to be restored from the refresh cookie, then admits or sends to login. */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <FullPageSpinner />;
  if (session.status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    const search = new URLSearchParams();
    if (next !== '/') search.set('next', next);
    if (session.reason === 'expired') search.set('expired', '1');
    const query = search.toString();
    return <Navigate to={query ? `/login?${query}` : '/login'} replace />;
  }
  // After an administrator's reset, choosing a new password comes before anything else.
  if (session.user.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}

export const router = createBrowserRouter([
  {
    HydrateFallback: FullPageSpinner,
    children: [
      {
        path: '/login',
        lazy: async () => ({ Component: (await page(import('./routes/login'))).LoginRoute }),
      },
      {
        // The public notice (公示): anyone may read it and object, with or without an account.
        path: '/notices',
        lazy: async () => ({ Component: (await page(import('./routes/notices'))).NoticesRoute }),
      },
      {
        // The society directory and the open calls: the Association's public face, no account needed.
        path: '/directory',
        lazy: async () => ({ Component: (await page(import('./routes/directory'))).DirectoryRoute }),
      },
      {
        // Each society's own public page, reached from the directory.
        path: '/directory/:id',
        lazy: async () => ({ Component: (await page(import('./routes/directory-society'))).DirectorySocietyRoute }),
      },
      {
        Component: RequireSession,
        children: [
          {
            path: '/password',
            lazy: async () => ({ Component: (await page(import('./routes/change-password'))).ChangePasswordRoute }),
          },
          {
            path: '/',
            lazy: async () => ({ Component: (await page(import('./routes/app-layout'))).AppLayout }),
            children: [
              {
                index: true,
                lazy: async () => ({ Component: (await page(import('./routes/home'))).HomeRoute }),
              },
              {
                path: 'societies',
                Component: () => (
                  <RequirePolicy allow={policies.viewSocieties}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({
                      Component: (await page(import('./routes/societies/list'))).SocietiesListRoute,
                    }),
                  },
                  {
                    path: 'new',
                    lazy: async () => ({
                      Component: (await page(import('./routes/societies/create'))).SocietyCreateRoute,
                    }),
                  },
                  {
                    path: 'disqualification',
                    Component: () => (
                      <RequirePolicy allow={policies.viewDisqualification}>
                        <Outlet />
                      </RequirePolicy>
                    ),
                    children: [
                      {
                        index: true,
                        lazy: async () => ({
                          Component: (await page(import('./routes/societies/disqualification'))).DisqualificationRoute,
                        }),
                      },
                    ],
                  },
                  {
                    path: ':id',
                    lazy: async () => ({
                      Component: (await page(import('./routes/societies/detail'))).SocietyDetailRoute,
                    }),
                  },
                  {
                    path: ':id/edit',
                    lazy: async () => ({ Component: (await page(import('./routes/societies/edit'))).SocietyEditRoute }),
                  },
                  {
                    path: ':id/members/import',
                    lazy: async () => ({
                      Component: (await page(import('./routes/members/import'))).MemberImportRoute,
                    }),
                  },
                ],
              },
              {
                path: 'members',
                Component: () => (
                  <RequirePolicy allow={policies.viewMembers}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    path: 'approvals',
                    Component: () => (
                      <RequirePolicy allow={policies.approveMembers}>
                        <Outlet />
                      </RequirePolicy>
                    ),
                    children: [
                      {
                        index: true,
                        lazy: async () => ({
                          Component: (await page(import('./routes/members/approvals'))).MemberApprovalsRoute,
                        }),
                      },
                    ],
                  },
                  {
                    path: ':id',
                    lazy: async () => ({
                      Component: (await page(import('./routes/members/detail'))).MemberDetailRoute,
                    }),
                  },
                ],
              },
              {
                path: 'experts',
                Component: () => (
                  <RequirePolicy allow={policies.viewExperts}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await page(import('./routes/experts'))).ExpertsRoute }),
                  },
                  {
                    path: 'import',
                    Component: () => (
                      <RequirePolicy allow={policies.manageExperts}>
                        <Outlet />
                      </RequirePolicy>
                    ),
                    children: [
                      {
                        index: true,
                        lazy: async () => ({
                          Component: (await page(import('./routes/expert-import'))).ExpertImportRoute,
                        }),
                      },
                    ],
                  },
                ],
              },
              {
                path: 'reports/review',
                Component: () => (
                  <RequirePolicy allow={policies.reviewReports}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await page(import('./routes/report-review'))).ReportReviewRoute }),
                  },
                ],
              },
              {
                path: 'reviews',
                Component: () => (
                  <RequirePolicy allow={policies.reviewApplications}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await page(import('./routes/reviews/queue'))).ReviewQueueRoute }),
                  },
                  {
                    path: ':applicationId',
                    lazy: async () => ({
                      Component: (await page(import('./routes/reviews/detail'))).ReviewDetailRoute,
                    }),
                  },
                ],
              },
              {
                path: 'calendar',
                Component: () => (
                  <RequirePolicy allow={policies.viewCalendar}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await page(import('./routes/calendar'))).CalendarRoute }),
                  },
                ],
              },
              {
                path: 'pilots',
                Component: () => (
                  <RequirePolicy allow={policies.viewPilots}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await page(import('./routes/pilots/list'))).PilotsRoute }),
                  },
                  {
                    path: 'functions',
                    lazy: async () => ({
                      Component: (await page(import('./routes/pilots/functions'))).PilotFunctionsRoute,
                    }),
                  },
                  {
                    path: ':id',
                    lazy: async () => ({ Component: (await page(import('./routes/pilots/detail'))).PilotDetailRoute }),
                  },
                ],
              },
              {
                path: 'funding',
                Component: () => (
                  <RequirePolicy allow={policies.viewFunding}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await page(import('./routes/funding/list'))).FundingRoute }),
                  },
                  {
                    path: ':programId',
                    lazy: async () => ({
                      Component: (await page(import('./routes/funding/program'))).FundingProgramRoute,
                    }),
                  },
                  {
                    path: ':programId/applications/:applicationId',
                    lazy: async () => ({
                      Component: (await page(import('./routes/funding/application'))).FundingApplicationRoute,
                    }),
                  },
                ],
              },
              {
                path: 'alliances',
                Component: () => (
                  <RequirePolicy allow={policies.viewAlliances}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await page(import('./routes/alliances'))).AlliancesRoute }),
                  },
                ],
              },
              {
                path: 'admin',
                Component: () => (
                  <RequirePolicy allow={policies.viewAdministration}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  { index: true, element: <Navigate to="/admin/users" replace /> },
                  {
                    path: 'users',
                    lazy: async () => ({ Component: (await page(import('./routes/admin/users'))).UsersRoute }),
                  },
                  {
                    path: 'clients',
                    lazy: async () => ({ Component: (await page(import('./routes/admin/clients'))).ClientsRoute }),
                  },
                  {
                    path: 'webhooks',
                    lazy: async () => ({ Component: (await page(import('./routes/admin/webhooks'))).WebhooksRoute }),
                  },
                  {
                    // 发信记录: the admin only (the auditor reads the rest of 系统管理 but not people's addresses).
                    path: 'messages',
                    Component: () => (
                      <RequirePolicy allow={policies.viewMessages}>
                        <Outlet />
                      </RequirePolicy>
                    ),
                    children: [
                      {
                        index: true,
                        lazy: async () => ({
                          Component: (await page(import('./routes/admin/messages'))).MessagesRoute,
                        }),
                      },
                    ],
                  },
                  {
                    path: 'settings',
                    lazy: async () => ({ Component: (await page(import('./routes/admin/settings'))).SettingsRoute }),
                  },
                ],
              },
              {
                path: 'audit',
                Component: () => (
                  <RequirePolicy allow={policies.viewAuditLog}>
                    <Outlet />
                  </RequirePolicy>
                ),
                children: [
                  {
                    index: true,
                    lazy: async () => ({ Component: (await page(import('./routes/audit'))).AuditRoute }),
                  },
                ],
              },
              {
                path: '*',
                lazy: async () => ({ Component: (await page(import('./routes/not-found'))).NotFoundRoute }),
              },
            ],
          },
        ],
      },
    ],
  },
]);
