import { ClientMessages } from '@/components/client-messages';

// The password form (admin.account, admin's form parts) and the API tokens panel (entry.tokens, entry.errors).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['admin', 'entry']}>{children}</ClientMessages>;
}
