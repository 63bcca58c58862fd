// Cockpit's configuration for complaint-desk (replaces the webapp's default config.js; its options are listed at
// https://docs.camunda.org/manual/7.24/webapps/cockpit/extend/configuration/).
export default {
  // The auditors' history views: a History tab on the process definition page, an instance history page for
  // finished instances and a Complaint tab (src/main/resources/.../cockpit/scripts/complaint-desk/).
  customScripts: ['scripts/complaint-desk/plugins.js'],
  // Cockpit speaks the browser's first language where it has a file for it (locales/zh.json is ours).
  locales: {
    availableLocales: ['en', 'de', 'zh'],
    fallbackLocale: 'en'
  }
};
