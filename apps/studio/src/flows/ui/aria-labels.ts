import type { TFunction } from 'i18next';

/** xyflow's own screen-reader texts, in the studio's language. */
export function ariaLabels(t: TFunction) {
  return {
    'node.a11yDescription.default': t('flows.aria.node'),
    'node.a11yDescription.keyboardDisabled': t('flows.aria.nodeKeyboard'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) => t('flows.aria.moved', { direction, x, y }),
    'edge.a11yDescription.default': t('flows.aria.edge'),
    'controls.ariaLabel': t('flows.aria.controls'),
    'controls.zoomIn.ariaLabel': t('flows.aria.zoomIn'),
    'controls.zoomOut.ariaLabel': t('flows.aria.zoomOut'),
    'controls.fitView.ariaLabel': t('flows.aria.fitView'),
    'controls.interactive.ariaLabel': t('flows.aria.interactive'),
    'minimap.ariaLabel': t('flows.aria.minimap'),
    'handle.ariaLabel': t('flows.aria.handle'),
  };
}
