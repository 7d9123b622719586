// The sandbox's script and style, kept here as text so that the build (tsc) ships them with the
// api: no bundler, no dependency, no file to copy. The script writes text only (textContent),
// never HTML, and keeps the token in sessionStorage (gone with the tab).

export const SANDBOX_SCRIPT = String.raw`'use strict';
(function () {
  var byId = function (id) { return document.getElementById(id); };
  var query = byId('query'), variables = byId('variables'), token = byId('token');
  var result = byId('result'), schema = byId('schema'), filter = byId('filter');
  query.value = localStorage.getItem('prossimo.sandbox.query') || '{\n  __typename\n}\n';
  variables.value = localStorage.getItem('prossimo.sandbox.variables') || '{}';
  token.value = sessionStorage.getItem('prossimo.sandbox.token') || '';

  function post(body) {
    var headers = { 'content-type': 'application/json', accept: 'application/json' };
    if (token.value.trim()) headers.authorization = 'Bearer ' + token.value.trim();
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(body) }).then(
      function (response) { return response.text().then(function (text) { return { status: response.status, text: text }; }); },
    );
  }

  function run() {
    localStorage.setItem('prossimo.sandbox.query', query.value);
    localStorage.setItem('prossimo.sandbox.variables', variables.value);
    sessionStorage.setItem('prossimo.sandbox.token', token.value);
    var parsed;
    try { parsed = variables.value.trim() ? JSON.parse(variables.value) : {}; }
    catch (error) { result.textContent = 'Variables are not valid JSON: ' + error.message; return; }
    result.textContent = '...';
    post({ query: query.value, variables: parsed }).then(function (answer) {
      var shown = answer.text;
      try { shown = JSON.stringify(JSON.parse(answer.text), null, 2); } catch (ignored) { /* not JSON */ }
      result.textContent = 'HTTP ' + answer.status + '\n' + shown;
    }, function (error) { result.textContent = 'Request failed: ' + error.message; });
  }

  var TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
  var FIELDS = 'fields { name description args { name type { ' + TYPE_REF + ' } } type { ' + TYPE_REF + ' } }';
  var INTROSPECTION = '{ __schema { queryType { ' + FIELDS + ' } mutationType { ' + FIELDS + ' } } }';

  function typeName(type) {
    if (type.kind === 'NON_NULL') return typeName(type.ofType) + '!';
    if (type.kind === 'LIST') return '[' + typeName(type.ofType) + ']';
    return type.name;
  }

  var entries = [];
  function showSchema() {
    var wanted = filter.value.trim().toLowerCase();
    schema.replaceChildren();
    entries.forEach(function (entry) {
      if (wanted && entry.text.toLowerCase().indexOf(wanted) < 0) return;
      var item = document.createElement('details');
      var summary = document.createElement('summary');
      summary.textContent = entry.text;
      item.appendChild(summary);
      var description = document.createElement('p');
      description.textContent = entry.description || '';
      item.appendChild(description);
      schema.appendChild(item);
    });
  }

  post({ query: INTROSPECTION }).then(function (answer) {
    var data;
    try { data = JSON.parse(answer.text).data; } catch (ignored) { data = null; }
    if (!data) { schema.textContent = 'Introspection is off on this server.'; return; }
    [['query', data.__schema.queryType], ['mutation', data.__schema.mutationType]].forEach(function (pair) {
      if (!pair[1]) return;
      pair[1].fields.forEach(function (field) {
        var args = field.args.map(function (arg) { return arg.name + ': ' + typeName(arg.type); }).join(', ');
        entries.push({
          text: pair[0] + ' ' + field.name + (args ? '(' + args + ')' : '') + ': ' + typeName(field.type),
          description: field.description,
        });
      });
    });
    showSchema();
  });

  byId('run').addEventListener('click', run);
  filter.addEventListener('input', showSchema);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); run(); }
  });
})();
`;

export const SANDBOX_STYLE = `
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: #1a1a1a; background: #f5f6f7; }
header { display: flex; gap: 1rem; align-items: center; padding: 0.5rem 1rem; background: #06c; color: #fff; }
header h1 { font-size: 1.1rem; margin: 0 auto 0 0; }
header input { width: 20rem; }
button { font: inherit; padding: 0.3rem 1.2rem; border: 2px solid #fff; background: #004d99; color: #fff; cursor: pointer; }
button:focus, input:focus, textarea:focus { outline: 3px solid #ffbf47; }
main { display: grid; grid-template-columns: 1fr 1fr 22rem; gap: 1rem; padding: 1rem; height: calc(100vh - 3.5rem); }
section, aside { display: flex; flex-direction: column; min-height: 0; }
label { font-weight: 600; margin: 0.4rem 0 0.2rem; }
textarea, output, #schema { font: 13px/1.4 ui-monospace, monospace; border: 1px solid #8a8a8a; background: #fff; padding: 0.5rem; }
#query { flex: 3; resize: none; }
#variables { flex: 1; resize: none; }
output { flex: 1; overflow: auto; white-space: pre; }
#schema { flex: 1; overflow: auto; }
#schema p { margin: 0.2rem 0 0.6rem 1rem; color: #444; white-space: normal; }
`;
