import { ClientMessages } from '@/components/client-messages';

// The entry grid's messages: live rates, levels, warnings and conflicts are drawn in the browser while typing.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['entry', 'levels']}>{children}</ClientMessages>;
}
