// The mechanic's strings for the kiosk, per language (i18next keys under `mechanics.<name>`). A module of its own:
// the app's first screen loads every mechanic's strings without the mechanic's schemas and rules.
export const locales = {
  'zh-CN': {
    title: '事故案例',
    heading: '事故案例',
    date: '时间',
    place: '地点',
    what: '发生了什么',
    cause: '原因',
    lesson: '教训',
    sources: '资料来源',
    begin: '开始体验',
    fact: '{{label}}：{{value}}',
  },
  en: {
    title: 'Accident case',
    heading: 'The accident',
    date: 'When',
    place: 'Where',
    what: 'What happened',
    cause: 'Cause',
    lesson: 'Lesson',
    sources: 'Sources',
    begin: 'Begin',
    fact: '{{label}}: {{value}}',
  },
};
