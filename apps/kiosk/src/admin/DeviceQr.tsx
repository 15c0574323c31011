import { create } from 'qrcode';
import { useMemo } from 'react';

/** Modules of light margin around the code, as the QR standard asks, so phones and kiosks read it reliably. */
const QUIET = 4;

/**
 * A QR code drawn here as SVG (qrcode's encoder, no network, no canvas): dark modules on white whatever the page's
 * theme, since readers expect dark on light.
 */
export function DeviceQr({ text, label, size = 280 }: { text: string; label: string; size?: number }) {
  const { path, extent } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++) if (modules.get(row, col)) d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    return { path: d, extent: modules.size + QUIET * 2 };
  }, [text]);
  return (
    <svg className="device-qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shapeRendering="crispEdges">
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
