import type { GraphQLExtension } from 'payload'

import { performTransition } from '../services/workflow/transition'

/** Mutation articleWorkflow(id, action, note, publishAt): the REST action's twin, same rules. */
export const articleWorkflowMutation: GraphQLExtension = (GraphQL) => {
  const result = new GraphQL.GraphQLObjectType({
    name: 'ArticleWorkflowResult',
    fields: {
      id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLID) },
      reviewState: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
      allowedActions: {
        type: new GraphQL.GraphQLNonNull(
          new GraphQL.GraphQLList(new GraphQL.GraphQLNonNull(GraphQL.GraphQLString)),
        ),
      },
    },
  })
  return {
    articleWorkflow: {
      type: new GraphQL.GraphQLNonNull(result),
      args: {
        id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLID) },
        action: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
        note: { type: GraphQL.GraphQLString },
        publishAt: { type: GraphQL.GraphQLString },
      },
      resolve: async (
        _source: unknown,
        args: { id: string; action: string; note?: string; publishAt?: string },
        context: { req: Parameters<typeof performTransition>[0] },
      ) => performTransition(context.req, args),
    },
  }
}
