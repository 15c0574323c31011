import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useDeviceHealth } from '../fleet/deviceHealth.ts';
import { isStaffPage } from '../staffPages.ts';
import { staffAttention, type AttentionItem } from './attention.ts';
import { useReachability } from './reachability.ts';
import './staff-indicator.css';

/** A shape for each message, so the badge never speaks by colour alone. */
function Icon({ kind }: { kind: AttentionItem['kind'] }) {
  const common = { width: 18, height: 18, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;
  if (kind === 'unreachable')
    return (
      <svg {...common}>
        <path d="M12 2 1 21h22L12 2z" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinejoin="round" />
        <path d="M12 9v6M12 17.5v1" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      </svg>
    );
  if (kind === 'pending')
    return (
      <svg {...common}>
        <rect x="3" y="10" width="18" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="2.5" />
        <path d="M12 15V2M7 7l5-5 5 5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    );
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
      <path d="M5.5 18.5 18.5 5.5" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}

/**
 * A small badge in a corner for park staff, shown only when something needs them: the server cannot be reached, or
 * statements wait on this device to be sent (or were refused). Taps pass through it, so it never blocks a visitor.
 */
export function StaffIndicator() {
  const { t } = useTranslation();
  const [location] = useLocation();
  const reachable = useReachability((s) => s.reachable);
  // Counted with the heartbeat's count (deviceHealth.ts), and shown only once still there a count later.
  const pending = useDeviceHealth((s) => s.waiting);
  // Refused statements stay on this device (the fleet's record of them) until staff look at them.
  const refused = useDeviceHealth((s) => s.refused);
  const items = staffAttention({ pending, reachable, refused });
  if (items.length === 0 || isStaffPage(location)) return null;

  const text = (item: AttentionItem) =>
    item.kind === 'unreachable' ? t('offline.unreachable') : item.kind === 'pending' ? t('offline.pending', { count: item.count }) : t('offline.refused', { count: item.count });
  return (
    <aside className="staff-indicator" aria-label={t('offline.label')}>
      {/* The live region wraps the list: a list given role=status would lose its items' list semantics. */}
      <div role="status">
        <ul>
          {items.map((item) => (
            <li key={item.kind} data-kind={item.kind}>
              <Icon kind={item.kind} />
              <span>{text(item)}</span>
            </li>
          ))}
        </ul>
      </div>
    </aside>
  );
}
