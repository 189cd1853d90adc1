import { ClientMessages } from '@/components/client-messages';

// The admin forms' messages (their client components translate in the browser: field errors, results, scopes).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['admin', 'roles']}>{children}</ClientMessages>;
}
