// The yardstick of bench/first-screen.ts: the smallest react-three-fiber app, a canvas with a spinning box. Whatever
// a 3D web app ships, it ships at least this.
import { Canvas, useFrame } from '@react-three/fiber';
import { StrictMode, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Mesh } from 'three';

function SpinningBox() {
  const box = useRef<Mesh>(null);
  useFrame((_, delta) => {
    if (box.current) box.current.rotation.y += delta;
  });
  return (
    <mesh ref={box}>
      <boxGeometry />
      <meshStandardMaterial color="orange" />
    </mesh>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Canvas>
      <ambientLight intensity={0.5} />
      <directionalLight position={[2, 3, 4]} />
      <SpinningBox />
    </Canvas>
  </StrictMode>,
);
