/** English texts of the workspace (sign-in, apps) and the form builder; workspace.zh-CN.ts mirrors them. */
export const workspaceEn = {
  workspace: {
    loading: 'Loading…',
    signOut: 'Sign out',
    zh: '中文',
    en: 'English',
    labelZh: 'Name (Chinese)',
    labelEn: 'Name (English)',
    idHint: 'Lower-case letters, digits and _, starting with a letter',
    signIn: { title: 'Sign in to Trellis Studio', username: 'Username', password: 'Password', submit: 'Sign in' },
    changePassword: {
      title: 'Choose a new password', hint: 'Your password was set for you. Choose your own before you continue.',
      current: 'Current (one-time) password', next: 'New password', confirm: 'New password again',
      mismatch: 'The two new passwords differ.', tooShort: 'The new password needs at least {{min}} characters.', submit: 'Change password',
    },
    apps: {
      title: 'Apps', list: 'Your apps', none: 'No apps yet: create one to start building.', new: 'New app', id: 'App id', create: 'Create app',
    },
    app: {
      definitions: 'Definitions', none: 'No forms yet: start with a new form.', unpublished: 'not published', version: 'version {{version}}',
      draft: 'draft', newForm: 'New form', formId: 'Form id', createForm: 'Create form',
    },
    kinds: { role: 'Roles', entity: 'Forms (entities)', rule: 'Rules', flow: 'Flows', program: 'Incentive programs', permission: 'Permissions' },
  },
  builder: {
    title: 'Form builder: {{name}}',
    undo: 'Undo', redo: 'Redo', saveDraft: 'Save draft', publish: 'Publish',
    saved: 'Draft saved.', published: 'Published as version {{version}}.',
    palette: 'Field types', addKind: 'Add field: {{kind}}',
    canvas: 'Fields ({{count}})', empty: 'Drag a field type here, or click one in the list.',
    dragHandle: 'Drag {{name}} (Space to pick up, arrows to move)', moveUp: 'Move {{name}} up', moveDown: 'Move {{name}} down', remove: 'Remove {{name}}',
    required: 'required',
    dnd: {
      instructions: 'Press Space to pick up a field, the arrow keys to move it, Space again to drop it, Escape to cancel.',
      pickedUp: 'Picked up {{name}}.', over: '{{name}} is over position {{position}} of {{count}}.',
      dropped: '{{name}} dropped at position {{position}} of {{count}}.', cancelled: 'Moving {{name}} was cancelled.',
    },
    badge: { showWhen: 'conditional', requiredWhen: 'required when', computed: 'computed' },
    views: 'Views', tab: { preview: 'Preview', json: 'JSON', versions: 'Versions' },
    props: {
      title: 'Field: {{name}}', key: 'Field id', keyInvalid: 'Use letters, digits and _, starting with a lower-case letter, not taken by another field.',
      label: 'Label', help: 'Help text', required: 'Required', min: 'Minimum', max: 'Maximum', minRows: 'Fewest rows', maxRows: 'Most rows',
      minLength: 'Shortest length', maxLength: 'Longest length', pattern: 'Format', noPattern: 'Any text', default: 'Default value',
      checkedByDefault: 'Checked by default', options: 'Options', optionValue: 'Stored value', optionValueN: 'Option {{n}} stored value',
      optionZhN: 'Option {{n}} Chinese', optionEnN: 'Option {{n}} English', removeOptionN: 'Remove option {{n}}', addOption: 'Add option', page: 'Wizard page',
      columns: 'Columns of each row', columnKind: 'Type', columnKeyN: 'Column {{n}} id', columnKindN: 'Column {{n}} type', columnZhN: 'Column {{n}} Chinese',
      columnEnN: 'Column {{n}} English', columnRequiredN: 'Column {{n}} required', removeColumnN: 'Remove column {{n}}', addColumn: 'Add column',
    },
    rules: {
      showWhen: 'Show when', requiredWhen: 'Required when', computed: 'Computed as',
      computedHint: 'A formula over the other fields; the field becomes read-only and is filled in for the user.',
      addCondition: '{{what}}…', clear: 'Remove "{{what}}"',
    },
    settings: {
      open: 'Form settings',
      title: 'Form', name: 'Form name', pages: 'Wizard pages', onePage: 'One page: every field shows at once.', pageTitle: 'Page {{n}} title',
      addPage: 'Add page', removePage: 'Remove page {{name}}',
    },
    json: { title: 'Definition (JSON)', apply: 'Apply JSON', unsupported: 'The builder cannot show these parts; edit them in the JSON view: {{list}}' },
    versions: { title: 'Published versions', none: 'Not published yet.', changes: '{{count}} changes' },
  },
  preview: {
    title: 'Preview', sample: 'Fill with sample data', clear: 'Clear', pages: 'Wizard pages', back: 'Back', next: 'Next', submit: 'Submit',
    saved: 'Saved as record {{id}}.', valid: 'The form accepts these values (publish it to save records).',
    failed: 'The record was not accepted:',
    file: { choose: 'Choose a file', uploading: 'Uploading {{name}}…', progress: 'Upload progress', uploaded: 'Uploaded: {{name}}', remove: 'Remove file' },
  },
};
