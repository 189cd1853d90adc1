// A 'use client' module is shipped to the browser. From server code it may import only the server actions themselves
// (src/server/actions holds the 'use server' adapters, which the bundler turns into references). Every other value would
// fail the build ('server-only') or ship server code, and the types the browser receives live in src/lib/contracts, so
// that the contract between server and browser is in one client-safe place.
const isUseClient = (program) =>
  program.body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');

const isServer = (source) => source === '@/server' || source.startsWith('@/server/');
const isAction = (source) => source.startsWith('@/server/actions/');

export default {
  meta: {
    type: 'problem',
    docs: { description: "'use client' files import from '@/server' only the server actions (values)" },
    messages: {
      server:
        "'use client' files may import from '@/server' only server actions; move what the browser needs to src/lib.",
      type: "'use client' files take the types they receive from src/lib/contracts, not from '@/server'.",
    },
    schema: [],
  },
  create(context) {
    let client = false;
    const check = (node, source, typeOnly, typeSpecifiers) => {
      if (!client || typeof source !== 'string' || !isServer(source)) return;
      if (!isAction(source)) return context.report({ node, messageId: 'server' });
      if (typeOnly || typeSpecifiers) context.report({ node, messageId: 'type' });
    };
    return {
      Program(node) {
        client = isUseClient(node);
      },
      ImportDeclaration(node) {
        const typeSpecifiers = node.specifiers.some((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
        check(node, node.source.value, node.importKind === 'type', typeSpecifiers);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, node.exportKind === 'type', false);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, node.exportKind === 'type', false);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false, false);
      },
    };
  },
};
