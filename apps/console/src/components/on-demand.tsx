import { type ComponentType, lazy, Suspense, useState } from 'react';
import { messagesReady } from '@/lib/i18n';

/**
 * A component whose code is fetched the first time it is shown, so the page around it loads and works
 * without it: a drawer or modal once opened, a tab once chosen, an error display once a request failed.
 * `shown(props)` says whether it is needed now (always, by default); once it was, it stays mounted, so
 * a drawer keeps its closing animation and its state as before. Nothing is drawn while the code loads.
 * Like a page, the module imports the dictionaries of the words it shows; it renders once they are in
 * the reader's language (English is fetched the first time).
 */
export function onDemand<P extends object>(
  load: () => Promise<ComponentType<P>>,
  shown: (props: P) => boolean = () => true,
): ComponentType<P> {
  const Loaded = lazy(async () => {
    const component = await load();
    await messagesReady();
    return { default: component };
  });
  return function OnDemand(props: P) {
    const [needed, setNeeded] = useState(false);
    const now = shown(props);
    // Remembered during render (React's pattern for state derived from props), so the first render
    // that needs the component already starts fetching it.
    if (now && !needed) setNeeded(true);
    if (!now && !needed) return null;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
