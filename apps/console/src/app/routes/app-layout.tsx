import { DownOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Dropdown, Flex, Layout, Menu, type MenuProps, Spin, Tag, Typography } from 'antd';
import { Suspense, useCallback, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { layoutMessages } from '@/app/layout-messages';
import { Brand, BrandMark } from '@/components/brand';
import { LanguageSwitch } from '@/components/language-switch';
import { useLogout } from '@/features/auth/api/logout';
import { NotificationBell } from '@/features/inbox/components/on-demand';
import { ReminderBell } from '@/features/reminders/components/reminder-bell';
import { registerMessages, useI18n } from '@/lib/i18n';
import { useCurrentUser } from '@/lib/session';
import { AccessNoticeContext } from '../access-notice';
import { navigationFor } from '../navigation';

// The words this page shows: Chinese with its code, English once chosen (lib/i18n/registry.ts).
registerMessages(layoutMessages);
// The words of the menu, the header and what many signed-in pages share: all of those render inside this layout.

const { Header, Sider, Content, Footer } = Layout;

/** antd's App (message, notification, modal for every page behind the sign-in) around the layout. */
export function AppLayout() {
  return (
    <App>
      <SignedInLayout />
    </App>
  );
}

function SignedInLayout() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const { message } = App.useApp();
  // A fixed key: StrictMode's second effect replaces the message instead of stacking another.
  const noticeDenied = useCallback(
    () => void message.warning({ key: 'no-access', content: t('nav.denied') }),
    [message, t],
  );

  const items = useMemo(() => navigationFor(user), [user]);
  // The most specific entry wins: /societies/disqualification is not 学会管理.
  const selected = [...items]
    .sort((a, b) => b.path.length - a.path.length)
    .find((item) => (item.path === '/' ? location.pathname === '/' : location.pathname.startsWith(item.path)))?.path;

  const groups = [...new Set(items.map((item) => item.group))];
  const toItem = (item: (typeof items)[number]) => ({ key: item.path, icon: item.icon, label: t(item.label) });
  const menuItems: MenuProps['items'] =
    groups.length > 1 && !collapsed
      ? groups.map((group) => ({
          type: 'group' as const,
          key: group,
          label: t(group),
          children: items.filter((item) => item.group === group).map(toItem),
        }))
      : items.map(toItem);

  const userMenu: MenuProps['items'] = [
    {
      key: 'password',
      icon: <LockOutlined />,
      label: t('layout.changePassword'),
      onClick: () => navigate('/password'),
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('layout.logout'),
      onClick: () => logout.mutate(),
    },
  ];

  return (
    <AccessNoticeContext.Provider value={noticeDenied}>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} breakpoint="lg">
          <Flex align="center" style={{ height: 64, padding: collapsed ? '0 24px' : '0 20px', overflow: 'hidden' }}>
            {collapsed ? <BrandMark /> : <Brand inverted />}
          </Flex>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={menuItems}
            onClick={({ key }) => navigate(items.find((item) => item.path === key)?.to ?? key)}
          />
        </Sider>
        <Layout>
          <Header
            style={{
              padding: '0 24px',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'flex-end',
              gap: 8,
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <NotificationBell />
            <ReminderBell />
            <LanguageSwitch />
            <Dropdown menu={{ items: userMenu }} trigger={['click']}>
              <Flex
                align="center"
                gap={8}
                style={{ cursor: 'pointer', padding: '0 8px' }}
                data-testid="current-user"
                role="button"
                tabIndex={0}
              >
                <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1d5fbf' }} />
                <Typography.Text>{user.username}</Typography.Text>
                <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                  {t(`role.${user.role}`)}
                </Tag>
                <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
              </Flex>
            </Dropdown>
          </Header>
          <Content style={{ padding: 24 }}>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 48 }}>
                  <Spin />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </Content>
          <Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, padding: '12px 24px 20px' }}>
            {t('app.footer')}
          </Footer>
        </Layout>
      </Layout>
    </AccessNoticeContext.Provider>
  );
}
