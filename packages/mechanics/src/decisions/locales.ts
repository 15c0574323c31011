// The mechanic's strings for the kiosk, per language (i18next keys under `mechanics.<name>`). A module of its own:
// the app's first screen loads every mechanic's strings without the mechanic's schemas and rules.
export const locales = {
  'zh-CN': {
    title: '应急处置',
    heading: '应急抉择',
    continue: '继续',
    safeChoice: '正确的选择：{{choice}}',
    unsafeChoice: '危险的选择：{{choice}}',
  },
  en: {
    title: 'Emergency decisions',
    heading: 'Your decisions',
    continue: 'Continue',
    safeChoice: 'Safe choice: {{choice}}',
    unsafeChoice: 'Dangerous choice: {{choice}}',
  },
};
