import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, for the inventory test and operators. */
    routeInventory: { method: string; url: string; scope: string | undefined; documented: boolean }[]
  }
}

/** Records every route as it is registered: its method, path, declared scope, and whether the contract shows it. */
async function routeInventory(app: FastifyInstance) {
  app.decorate('routeInventory', [])
  app.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide === true
    for (const method of [route.method].flat()) {
      app.routeInventory.push({ method, url: route.url, scope: route.config?.scope, documented: !hidden && route.schema !== undefined })
    }
  })
}

export const routeInventoryPlugin = fp(routeInventory, { name: 'byline-route-inventory', fastify: '5.x' })
