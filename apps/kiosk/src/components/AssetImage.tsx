// A picture from a pack, shown whole (scaled to fit, never cropped: what it shows may be the point) with its
// description in the visitor's language. If the file cannot be loaded the figure disappears rather than show a broken
// image.
import { useState, type JSX } from 'react';

export interface AssetImageProps {
  src: string;
  /** What the picture shows, in the visitor's language. */
  alt: string;
  className?: string;
}

export function AssetImage({ src, alt, className }: AssetImageProps): JSX.Element | null {
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  if (failedSrc === src) return null;
  return (
    <figure className={['asset-image', className].filter(Boolean).join(' ')}>
      <img
        src={src}
        alt={alt}
        decoding="async"
        onError={() => {
          console.warn(`Ruyi: the image ${src} could not be loaded.`);
          setFailedSrc(src);
        }}
      />
    </figure>
  );
}
