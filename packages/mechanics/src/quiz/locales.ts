// The mechanic's strings for the kiosk, per language (i18next keys under `mechanics.<name>`). A module of its own:
// the app's first screen loads every mechanic's strings without the mechanic's schemas and rules.
export const locales = {
  'zh-CN': {
    title: '知识问答',
    heading: '知识问答',
    progress: '第 {{n}} 题，共 {{total}} 题',
    single: '单选题：选择一个答案',
    multiple: '多选题：选择所有正确的答案',
    submit: '提交答案',
    correct: '回答正确',
    incorrect: '回答错误',
    rightAnswer: '正确答案',
    yourChoice: '你的选择',
    next: '下一题',
    finish: '查看成绩',
    vrSelected: '已选择',
  },
  en: {
    title: 'Quiz',
    heading: 'Quiz',
    progress: 'Question {{n}} of {{total}}',
    single: 'Single choice: pick one answer',
    multiple: 'Multiple choice: pick every right answer',
    submit: 'Submit answer',
    correct: 'Correct',
    incorrect: 'Not quite',
    rightAnswer: 'Right answer',
    yourChoice: 'Your choice',
    next: 'Next question',
    finish: 'See my result',
    vrSelected: 'Selected',
  },
};
