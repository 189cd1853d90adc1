import { ClientMessages } from '@/components/client-messages';

// The import form and its row-by-row report (the level change shows levels as the grid does).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['entry', 'levels']}>{children}</ClientMessages>;
}
