// The floor plan of src/, held against the code: arrows run one way, and no function grows past a screenful.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import ts from 'typescript'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src')
const MAX_FUNCTION_LINES = 80

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

const files = sourceFiles(SRC).map((path) => ({
  path,
  name: relative(SRC, path).split(sep).join('/'),
  source: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
}))

/** Every module a file imports or re-exports: src-relative names for our own files, package names for others. */
function importsOf(file: (typeof files)[number]): string[] {
  const specifiers = file.source.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)
      ? [s.moduleSpecifier.text]
      : [],
  )
  return specifiers.map((spec) =>
    spec.startsWith('.') ? relative(SRC, resolve(dirname(file.path), spec.replace(/\.js$/, '.ts'))).split(sep).join('/') : spec,
  )
}

/** The room a file stands in at one level of the plan: `resources/quotes` inside resources, `core` at the top. */
function room(name: string, level: 'top' | 'resources'): string | undefined {
  const parts = name.split('/')
  if (level === 'top') return parts.length === 1 ? parts[0]!.replace(/\.ts$/, '') : parts[0]
  return parts[0] === 'resources' && parts.length > 2 ? `resources/${parts[1]}` : undefined
}

function roomGraph(level: 'top' | 'resources') {
  const edges = new Map<string, Set<string>>()
  for (const file of files) {
    const from = room(file.name, level)
    if (!from) continue
    for (const target of importsOf(file)) {
      const to = room(target, level)
      if (!to || to === from || target.startsWith('node:') || !target.endsWith('.ts')) continue
      if (!edges.has(from)) edges.set(from, new Set())
      edges.get(from)!.add(to)
    }
  }
  return edges
}

/** A loop of rooms if there is one (depth-first search), else undefined. */
function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node]
    state.set(node, 'open')
    stack.push(node)
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next)
      if (cycle) return cycle
    }
    stack.pop()
    state.set(node, 'done')
    return undefined
  }
  for (const node of edges.keys()) {
    const cycle = visit(node)
    if (cycle) return cycle
  }
  return undefined
}

t.test('the plan was read: the rooms this test speaks of import one another', async (t) => {
  const top = roomGraph('top')
  t.ok(top.get('app')?.has('http'), 'app imports http/')
  t.ok(top.get('resources')?.has('core'), 'resources/ imports core/')
  t.ok(top.get('core')?.has('db'), 'core/ imports db/')
  t.ok(roomGraph('resources').get('resources/articles')?.has('resources/quotes'), 'a story embeds its quotes')
})

t.test('no folder imports from a folder that depends on it', async (t) => {
  for (const level of ['top', 'resources'] as const) {
    t.same(findCycle(roomGraph(level)), undefined, `no loop of folders at the ${level} level`)
  }
})

t.test('core speaks of the product, not of HTTP: no Fastify, no http/, no resources/', async (t) => {
  for (const file of files.filter((f) => f.name.startsWith('core/'))) {
    const bad = importsOf(file).filter((i) => i.startsWith('fastify') || i.startsWith('@fastify') || i.startsWith('http/') || i.startsWith('resources/'))
    t.same(bad, [], file.name)
  }
})

t.test("a route file never imports another resource's routes", async (t) => {
  for (const file of files.filter((f) => /^resources\/[^/]+\/.*routes\.ts$/.test(f.name))) {
    const own = room(file.name, 'resources')
    const bad = importsOf(file).filter((i) => /routes\.ts$/.test(i) && room(i, 'resources') !== own)
    t.same(bad, [], file.name)
  }
})

/** A route plugin that only lists routes: every statement registers a route or a plugin. */
function onlyListsRoutes(fn: ts.FunctionLikeDeclaration): boolean {
  if (!fn.body || !ts.isBlock(fn.body)) return false
  return fn.body.statements.every((s) => {
    if (!ts.isExpressionStatement(s)) return false
    const call = ts.isAwaitExpression(s.expression) ? s.expression.expression : s.expression
    return ts.isCallExpression(call) && /^app\.(get|post|put|patch|delete|head|route|register)$/.test(call.expression.getText())
  })
}

t.test(`no function in src/ is over ${MAX_FUNCTION_LINES} lines, but a plugin that only lists routes`, async (t) => {
  const long: string[] = []
  for (const file of files) {
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const fn = node as ts.FunctionLikeDeclaration
        const lines = file.source.getLineAndCharacterOfPosition(fn.end).line - file.source.getLineAndCharacterOfPosition(fn.getStart()).line + 1
        if (lines > MAX_FUNCTION_LINES && !onlyListsRoutes(fn)) {
          long.push(`${file.name}:${file.source.getLineAndCharacterOfPosition(fn.getStart()).line + 1} (${lines} lines)`)
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(file.source)
  }
  t.same(long, [])
})
