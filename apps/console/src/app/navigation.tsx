import { ApiOutlined, AuditOutlined, SettingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type Principal, policies } from '@/lib/authorization';
import type { MessageKey } from './i18n';

export interface NavigationItem {
  /** The section's path: the menu entry is selected while the address starts with it. */
  path: string;
  /** Where the entry leads for this user (a society officer of one society goes straight to it). */
  to: string;
  label: MessageKey;
  icon: ReactNode;
}

interface NavigationEntry {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  visible: (user: Principal) => boolean;
  to?: (user: Principal) => string;
}

/** Only pages that exist: an entry appears once its page is built and the role may use it. */
const navigation: NavigationEntry[] = [
  {
    path: '/societies',
    label: 'nav.societies',
    icon: <TeamOutlined />,
    visible: policies.viewSocieties,
    to: (user) => {
      const [only, ...others] = user.societyIds;
      return user.role === 'society_officer' && only && others.length === 0 ? `/societies/${only}` : '/societies';
    },
  },
  { path: '/admin/users', label: 'nav.users', icon: <UserOutlined />, visible: policies.viewAdministration },
  { path: '/admin/clients', label: 'nav.clients', icon: <ApiOutlined />, visible: policies.viewAdministration },
  { path: '/audit', label: 'nav.audit', icon: <AuditOutlined />, visible: policies.viewAuditLog },
  { path: '/admin/settings', label: 'nav.settings', icon: <SettingOutlined />, visible: policies.viewAdministration },
];

export function navigationFor(user: Principal): NavigationItem[] {
  return navigation
    .filter((item) => item.visible(user))
    .map(({ path, label, icon, to }) => ({ path, label, icon, to: to ? to(user) : path }));
}
