import { ClientMessages } from '@/components/client-messages';

// The checklist's task cards and the activation forms.
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['response']}>{children}</ClientMessages>;
}
