import { createContext } from 'react';

/**
 * Tells the reader that a page was refused to their role. The signed-in layout provides it (with
 * antd's message, which lives in the layout's chunk); the guard in the router's entry chunk only
 * calls it, so that chunk does not carry antd's App, Modal and message.
 */
export const AccessNoticeContext = createContext<() => void>(() => {});
