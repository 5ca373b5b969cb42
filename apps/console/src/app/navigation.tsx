import { TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type Principal, policies } from '@/lib/authorization';
import type { MessageKey } from './i18n';

export interface NavigationItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  visible: (user: Principal) => boolean;
}

/** Only pages that exist: an entry appears once its page is built and the role may use it. */
const navigation: NavigationItem[] = [
  { path: '/societies', label: 'nav.societies', icon: <TeamOutlined />, visible: policies.viewSocieties },
];

export function navigationFor(user: Principal): NavigationItem[] {
  return navigation.filter((item) => item.visible(user));
}
