import { ClientMessages } from '@/components/client-messages';

// The import form and its row-by-row report.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['entry']}>{children}</ClientMessages>;
}
