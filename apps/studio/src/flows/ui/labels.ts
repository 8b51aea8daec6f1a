import { useTranslation } from 'react-i18next';

/** Names of settings and of their choices, from the flow format's property names and values. */
export function useSettingLabels(): { prop: (key: string) => string; value: (key: string, value: string) => string } {
  const { t } = useTranslation();
  return {
    prop: (key) => t(`flows.prop.${key}`, { defaultValue: key }),
    value: (key, value) => t([`flows.value.${key}.${value}`, `flows.value.${value}`], { defaultValue: value }),
  };
}
