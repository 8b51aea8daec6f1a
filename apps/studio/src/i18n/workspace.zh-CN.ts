import type { workspaceEn } from './workspace.en.js';

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** 工作区（登录、应用）与表单构建器的中文文本。 */
export const workspaceZhCN: Texts<typeof workspaceEn> = {
  workspace: {
    loading: '加载中…',
    signOut: '退出登录',
    zh: '中文',
    en: 'English',
    labelZh: '名称（中文）',
    labelEn: '名称（英文）',
    idHint: '小写字母、数字和下划线，以字母开头',
    signIn: { title: '登录 Trellis 工作台', username: '用户名', password: '密码', submit: '登录' },
    changePassword: {
      title: '设置新密码', hint: '当前密码由系统生成，请先设置自己的密码再继续。',
      current: '当前（一次性）密码', next: '新密码', confirm: '再次输入新密码',
      mismatch: '两次输入的新密码不一致。', tooShort: '新密码至少需要 {{min}} 个字符。', submit: '修改密码',
    },
    apps: {
      title: '应用', list: '我的应用', none: '还没有应用：新建一个开始构建。', new: '新建应用', id: '应用标识', create: '创建应用',
    },
    app: {
      definitions: '定义', none: '还没有表单：先新建一个。', unpublished: '未发布', version: '第 {{version}} 版',
      draft: '草稿', newForm: '新建表单', formId: '表单标识', createForm: '创建表单',
      newFlow: '新建流程', flowId: '流程标识', createFlow: '创建流程', flowEntity: '流程作用于以下实体的记录',
    },
    kinds: { role: '角色', entity: '表单（实体）', rule: '规则', flow: '流程', program: '激励方案', permission: '权限' },
  },
  builder: {
    title: '表单构建器：{{name}}',
    undo: '撤销', redo: '重做', saveDraft: '保存草稿', publish: '发布',
    saved: '草稿已保存。', published: '已发布为第 {{version}} 版。',
    palette: '字段类型', addKind: '添加字段：{{kind}}',
    canvas: '字段（{{count}}）', empty: '把字段类型拖到这里，或在列表中点击一个。',
    dragHandle: '拖动 {{name}}（空格拿起，方向键移动）', moveUp: '上移 {{name}}', moveDown: '下移 {{name}}', remove: '删除 {{name}}',
    required: '必填',
    group: { fields: '{{name}}中的字段', childKind: '{{name}}中新字段的类型', addChild: '添加到{{name}}' },
    dnd: {
      instructions: '按空格键拿起字段，用方向键移动，再按空格键放下，按 Esc 取消。',
      pickedUp: '已拿起 {{name}}。', over: '{{name}} 位于第 {{position}} 个位置（共 {{count}} 个）。',
      dropped: '{{name}} 已放在第 {{position}} 个位置（共 {{count}} 个）。', cancelled: '已取消移动 {{name}}。',
    },
    badge: { showWhen: '条件显示', requiredWhen: '条件必填', computed: '自动计算' },
    views: '视图', tab: { preview: '预览', json: 'JSON', versions: '版本' },
    props: {
      title: '字段：{{name}}', key: '字段标识', keyInvalid: '请用字母、数字和下划线，以小写字母开头，且不与其他字段重复。',
      label: '标签', help: '帮助文字', required: '必填', min: '最小值', max: '最大值', minRows: '最少行数', maxRows: '最多行数',
      minLength: '最短长度', maxLength: '最长长度', pattern: '格式', noPattern: '任意文本', default: '默认值',
      checkedByDefault: '默认勾选', options: '选项', optionValue: '存储值', optionValueN: '选项 {{n}} 存储值',
      optionZhN: '选项 {{n}} 中文', optionEnN: '选项 {{n}} 英文', removeOptionN: '删除选项 {{n}}', addOption: '添加选项', page: '向导页',
      columns: '每行的列', columnKind: '类型', columnKeyN: '第 {{n}} 列标识', columnKindN: '第 {{n}} 列类型', columnZhN: '第 {{n}} 列中文',
      columnEnN: '第 {{n}} 列英文', columnRequiredN: '第 {{n}} 列必填', removeColumnN: '删除第 {{n}} 列', addColumn: '添加列',
      optionsSource: '选项来源', optionsTyped: '在此录入的列表', optionsFromEntity: '其他实体的记录',
      optionsEntity: '实体', optionsLabelField: '显示字段',
      multiple: '可上传多个文件', minFiles: '最少文件数', maxFiles: '最多文件数', imagesOnly: '仅限图片',
    },
    rules: {
      showWhen: '显示条件', requiredWhen: '必填条件', computed: '计算公式',
      computedHint: '基于其他字段的公式；该字段变为只读，并自动为用户填写。',
      addCondition: '{{what}}…', clear: '移除“{{what}}”',
    },
    settings: {
      open: '表单设置',
      title: '表单', name: '表单名称', pages: '向导页', onePage: '单页：所有字段一次显示。', pageTitle: '第 {{n}} 页标题',
      addPage: '添加页', removePage: '删除页 {{name}}',
    },
    formRules: {
      title: '记录与校验', titleField: '标题字段（用于称呼每条记录）', noTitleField: '无（使用记录编号）',
      draftWhen: '满足以下条件时保存为草稿', draftHint: '条件成立时，记录保存为草稿；条件不再成立后，才检查必填字段和校验。',
    },
    checks: {
      title: '校验', none: '还没有校验：添加一条，让字段之间互相检查。', add: '添加校验', item: '校验 {{n}}',
      at: '提示在字段', rule: '须满足', ruleHint: '关于字段的条件，例如 plannedEndDate >= plannedDate；不满足时显示提示信息。',
      message: '提示信息', remove: '删除校验 {{n}}',
    },
    default: {
      fixed: '固定值', formula: '公式', value: '值',
      formulaHint: '在创建记录时计算，例如 today() 表示当天日期。',
    },
    placeholder: '占位提示（输入框为空时显示）',
    numbers: { integer: '仅限整数', minExclusive: '须大于最小值（不含最小值）' },
    pattern: {
      prefix: '前缀（1–5 个大写字母）', prefixInvalid: '请使用 1 到 5 个大写字母 A–Z。', digits: '数字位数',
      example: '例如 {{example}}',
    },
    json: { title: '定义（JSON）', apply: '应用 JSON', unsupported: '构建器无法显示以下部分，请在 JSON 视图中编辑：{{list}}' },
    versions: { title: '已发布版本', none: '尚未发布。', changes: '{{count}} 处变更' },
  },
  preview: {
    title: '预览', sample: '填入示例数据', clear: '清空', pages: '向导页', back: '上一步', next: '下一步', submit: '提交',
    saved: '已保存为记录 {{id}}。', valid: '表单接受这些值（发布后才能保存记录）。',
    failed: '记录未被接受：',
    address: { province: '省份', city: '城市', district: '区县', street: '详细地址', choose: '请选择…', loading: '正在加载行政区划…' },
    records: { choose: '请选择…', loading: '正在加载可选项…', failed: '无法加载可选项：{{message}}' },
    file: { choose: '选择文件', chooseAnother: '再添加一个文件', uploading: '正在上传 {{name}}…', progress: '上传进度', uploaded: '已上传：{{name}}', remove: '移除文件' },
  },
};
