import {
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FormOutlined,
  FundOutlined,
  IdcardOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  StopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type Principal, policies } from '@/lib/authorization';
import type { MessageKey } from '@/lib/i18n';

export interface NavigationItem {
  /** The section's path: the menu entry is selected while the address starts with it. */
  path: string;
  /** Where the entry leads for this user (a society officer of one society goes straight to it). */
  to: string;
  label: MessageKey;
  icon: ReactNode;
  group: NavigationGroup;
}

/** Menu sections: the societies' work, the experts' reviewing, then the platform's own administration. */
export type NavigationGroup = 'nav.group.societies' | 'nav.group.reviews' | 'nav.admin';

interface NavigationEntry {
  group: NavigationGroup;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  visible: (user: Principal) => boolean;
  to?: (user: Principal) => string;
}

/** Only pages that exist: an entry appears once its page is built and the role may use it. */
const navigation: NavigationEntry[] = [
  {
    // First, so it is the reviewer's landing page.
    group: 'nav.group.reviews',
    path: '/reviews',
    label: 'nav.reviews',
    icon: <FormOutlined />,
    visible: policies.reviewApplications,
  },
  {
    group: 'nav.group.societies',
    // The layout selects it on the home page only (every path starts with "/").
    path: '/',
    label: 'nav.dashboard',
    icon: <DashboardOutlined />,
    visible: policies.viewDashboard,
  },
  {
    group: 'nav.group.societies',
    path: '/societies',
    label: 'nav.societies',
    icon: <TeamOutlined />,
    visible: policies.viewSocieties,
    to: (user) => {
      const [only, ...others] = user.societyIds;
      return user.role === 'society_officer' && only && others.length === 0 ? `/societies/${only}` : '/societies';
    },
  },
  {
    group: 'nav.group.societies',
    path: '/members',
    label: 'nav.members',
    icon: <IdcardOutlined />,
    // Officers go straight to their society's members; the admin and the auditor reach members per society.
    visible: (user) => user.role === 'society_officer' && user.societyIds.length > 0,
    to: (user) => {
      const [only, ...others] = user.societyIds;
      return only && others.length === 0 ? `/societies/${only}?tab=members` : '/societies';
    },
  },
  {
    group: 'nav.group.societies',
    path: '/members/approvals',
    label: 'nav.memberApprovals',
    icon: <SolutionOutlined />,
    visible: policies.approveMembers,
  },
  {
    group: 'nav.group.societies',
    path: '/experts',
    label: 'nav.experts',
    icon: <ContactsOutlined />,
    visible: policies.viewExperts,
  },
  {
    group: 'nav.group.societies',
    path: '/reports/review',
    label: 'nav.reportReview',
    icon: <FileDoneOutlined />,
    visible: policies.reviewReports,
  },
  {
    group: 'nav.group.societies',
    path: '/societies/disqualification',
    label: 'nav.disqualification',
    icon: <StopOutlined />,
    visible: policies.viewDisqualification,
  },
  {
    group: 'nav.group.societies',
    path: '/funding',
    label: 'nav.funding',
    icon: <FundOutlined />,
    visible: policies.viewFunding,
  },
  {
    group: 'nav.group.societies',
    path: '/pilots',
    label: 'nav.pilots',
    icon: <BankOutlined />,
    visible: policies.viewPilots,
  },
  {
    group: 'nav.group.societies',
    path: '/alliances',
    label: 'nav.alliances',
    icon: <ClusterOutlined />,
    visible: policies.viewAlliances,
  },
  {
    group: 'nav.admin',
    path: '/admin/users',
    label: 'nav.users',
    icon: <UserOutlined />,
    visible: policies.viewAdministration,
  },
  {
    group: 'nav.admin',
    path: '/admin/clients',
    label: 'nav.clients',
    icon: <ApiOutlined />,
    visible: policies.viewAdministration,
  },
  {
    group: 'nav.admin',
    path: '/admin/webhooks',
    label: 'nav.webhooks',
    icon: <SendOutlined />,
    visible: policies.viewAdministration,
  },
  {
    group: 'nav.admin',
    path: '/admin/messages',
    label: 'nav.messages',
    icon: <SendOutlined />,
    visible: policies.viewMessages,
  },
  {
    group: 'nav.admin',
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    visible: policies.viewAuditLog,
  },
  {
    group: 'nav.admin',
    path: '/calendar',
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    visible: policies.viewCalendar,
  },
  {
    group: 'nav.admin',
    path: '/admin/settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    visible: policies.viewAdministration,
  },
];

export function navigationFor(user: Principal): NavigationItem[] {
  return navigation
    .filter((item) => item.visible(user))
    .map(({ path, label, icon, to, group }) => ({ path, label, icon, group, to: to ? to(user) : path }));
}
