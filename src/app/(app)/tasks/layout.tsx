import { ClientMessages } from '@/components/client-messages';

// The task cards' messages (ticking, notes, due dates, history).
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['response']}>{children}</ClientMessages>;
}
