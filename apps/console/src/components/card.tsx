import { ConfigProvider } from 'antd';
import useCardStyle from 'antd/es/card/style';
import type { CSSProperties, HTMLAttributes, ReactNode, Ref } from 'react';
import { useContext } from 'react';

interface CardProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  extra?: ReactNode;
  size?: 'small' | 'default';
  styles?: { header?: CSSProperties; body?: CSSProperties };
  ref?: Ref<HTMLDivElement>;
}

const shown = (node: ReactNode) => node !== undefined && node !== null && node !== false && node !== '';

/**
 * antd's Card as the console uses it (title, extra, size, header and body styles), with antd's own
 * classes and styles. antd's Card module also carries Tabs (for its tab list) and Skeleton (for its
 * loading state), which the console never asks a card for: about 10 KB gzipped on every page that
 * shows a card and no tabs.
 */
export function Card({ title, extra, size, styles, className, children, ref, ...rest }: CardProps) {
  const { getPrefixCls, direction } = useContext(ConfigProvider.ConfigContext);
  const prefixCls = getPrefixCls('card');
  const [hashId, cssVarCls] = useCardStyle(prefixCls);
  const classes = [
    prefixCls,
    `${prefixCls}-bordered`,
    size === 'small' && `${prefixCls}-small`,
    direction === 'rtl' && `${prefixCls}-rtl`,
    className,
    hashId,
    cssVarCls,
  ];
  return (
    <div ref={ref} {...rest} className={classes.filter(Boolean).join(' ')}>
      {(shown(title) || shown(extra)) && (
        <div className={`${prefixCls}-head`} style={styles?.header}>
          <div className={`${prefixCls}-head-wrapper`}>
            {shown(title) && <div className={`${prefixCls}-head-title`}>{title}</div>}
            {shown(extra) && <div className={`${prefixCls}-extra`}>{extra}</div>}
          </div>
        </div>
      )}
      {shown(children) && (
        <div className={`${prefixCls}-body`} style={styles?.body}>
          {children}
        </div>
      )}
    </div>
  );
}
