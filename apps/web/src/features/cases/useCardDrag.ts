// Dragging a card between columns with pointer events, so that mouse, pen and touch share one
// path without a drag-and-drop library. The column under the pointer is found by its
// data-drop-stage attribute; the Move menu remains the accessible way to do the same.
import { useRef, useState } from 'react';

type TDrag = { cardId: string; from: string; dx: number; dy: number; over: string | null };
type TStart = { cardId: string; from: string; x: number; y: number; active: boolean; el: HTMLElement };

const THRESHOLD = 6;

function stageAt(x: number, y: number, card: HTMLElement): string | null {
  const hit = document
    .elementsFromPoint(x, y)
    .find((el) => !card.contains(el) && el.closest('[data-drop-stage]'));
  return hit?.closest('[data-drop-stage]')?.getAttribute('data-drop-stage') ?? null;
}

/** Whether a pointer-down may start a drag: never on a control, and by touch only on the handle. */
function mayStart(e: React.PointerEvent): boolean {
  const target = e.target as HTMLElement;
  if (e.button !== 0 || target.closest('a, button, input, [role="menu"]')) return false;
  return e.pointerType === 'mouse' || target.closest('[data-drag-handle]') !== null;
}

export function useCardDrag(onDrop: (cardId: string, stageKey: string) => void) {
  const [drag, setDrag] = useState<TDrag | null>(null);
  const start = useRef<TStart | null>(null);

  const end = () => {
    start.current = null;
    setDrag(null);
  };

  const handlers = (cardId: string, from: string) => ({
    onPointerDown: (e: React.PointerEvent<HTMLElement>) => {
      if (!mayStart(e)) return;
      const el = e.currentTarget;
      el.setPointerCapture(e.pointerId);
      start.current = { cardId, from, x: e.clientX, y: e.clientY, active: false, el };
    },
    onPointerMove: (e: React.PointerEvent<HTMLElement>) => {
      const s = start.current;
      if (!s || s.cardId !== cardId) return;
      const dx = e.clientX - s.x;
      const dy = e.clientY - s.y;
      if (!s.active && Math.hypot(dx, dy) < THRESHOLD) return;
      s.active = true;
      setDrag({ cardId, from, dx, dy, over: stageAt(e.clientX, e.clientY, s.el) });
    },
    onPointerUp: (e: React.PointerEvent<HTMLElement>) => {
      const s = start.current;
      if (s?.active && s.cardId === cardId) {
        const over = stageAt(e.clientX, e.clientY, s.el);
        if (over && over !== from) onDrop(cardId, over);
      }
      end();
    },
    onPointerCancel: end,
  });

  return { drag, handlers };
}
