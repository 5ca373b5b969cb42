import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadMessages } from '@/lib/i18n';
import { App } from './app/app';
import { initialLanguage } from './app/provider';

const container = document.getElementById('root');
if (!container) throw new Error('missing #root');
const root = createRoot(container);

// A reader who chose English gets its words before the first render; if they cannot be fetched, the
// pages show the Chinese, which is always there, rather than fail to load.
loadMessages(initialLanguage)
  .catch((error: unknown) => {
    console.error('i18n: the words of the chosen language could not be loaded', error);
    return loadMessages('zh');
  })
  .then(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
