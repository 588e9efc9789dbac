// Generated from openapi.yaml by `npm run client:types`: do not edit. A test fails when it is stale.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the process is up, and how loaded */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the database answers, every migration is applied, and the process is not shedding load */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/elements/byline.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The <byline-story> and <byline-sourcing> custom elements, one ES module
         * @description A dependency-free ES module for any page: `<script type="module" src="{api}/elements/byline.js">`. `<byline-story api story>` renders a story with every located quote marked at its offsets and attributed on hover or focus; `<byline-sourcing api story>` renders who the story quotes, named and anonymous. Public, cross-origin (CORS and `Cross-Origin-Resource-Policy: cross-origin`), cached for a day with an ETag. A query string is ignored, so a page may add one to pass its own cache.
         */
        get: operations["getElements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List published articles, filtered, newest first by default */
        get: operations["listArticles"];
        put?: never;
        /**
         * Create a story with its credits, sources, quotes and tags (scope write)
         * @description People, sources and tags are referred to by slug and created when missing; stored ones are reused unchanged. Each quote is found verbatim in the body (422 when it is not, or when it occurs twice without a location).
         */
        post: operations["createArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one article with its body, authors, tags, and quotes with their sources
         * @description JSON by default; IPTC ninjs 3.x (with `Accept: application/ninjs+json` or `?format=ninjs`) and schema.org JSON-LD (`Accept: application/ld+json` or `?format=jsonld`) for syndication. `format` wins over Accept. ninjs follows the Byline profile at /v1/schemas/ninjs-byline.json: quotes are associations with `rel: "quote"`, their offsets in `altIds`.
         */
        get: operations["getArticle"];
        put?: never;
        post?: never;
        /** Withdraw a story: it answers 410 Gone from then on (scope write, If-Match required) */
        delete: operations["withdrawArticle"];
        options?: never;
        head?: never;
        /** Change a story; may carry a public correction (scope write, If-Match required) */
        patch: operations["updateArticle"];
        trace?: never;
    };
    "/v1/articles/{idOrSlug}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a story's revisions, newest first, with who made each (scope write) */
        get: operations["listArticleRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{idOrSlug}/revisions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a story as it was at one revision (scope write) */
        get: operations["getArticleRevision"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{idOrSlug}/revisions/{number}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed from one revision to another (scope write) */
        get: operations["diffArticleRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{idOrSlug}/authors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an article's credited authors in credit order */
        get: operations["listArticleAuthors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{idOrSlug}/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the sources an article attributes quotes to */
        get: operations["listArticleSources"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{idOrSlug}/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an article's quotes, in reading order by default */
        get: operations["listArticleQuotes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{idOrSlug}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A story's published corrections, newest first */
        get: operations["listArticleCorrections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/authors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List authors, by name by default */
        get: operations["listAuthors"];
        put?: never;
        /** Create an author; answers 201 with the author, its ETag and its Location */
        post: operations["createAuthor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/authors/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one author */
        get: operations["getAuthor"];
        put?: never;
        post?: never;
        /** Delete an author no article credits and no quote was said to; needs If-Match */
        delete: operations["deleteAuthor"];
        options?: never;
        head?: never;
        /** Change some fields of an author; needs If-Match with the ETag last read */
        patch: operations["updateAuthor"];
        trace?: never;
    };
    "/v1/authors/{idOrSlug}/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the published articles an author is credited on, with the filters of /v1/articles */
        get: operations["listAuthorArticles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the sources published stories attribute quotes to */
        get: operations["listSources"];
        put?: never;
        /** Create a source; answers 201 with the source, its ETag and its Location */
        post: operations["createSource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sources/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one source */
        get: operations["getSource"];
        put?: never;
        post?: never;
        /** Delete a source no quote is attributed to; needs If-Match */
        delete: operations["deleteSource"];
        options?: never;
        head?: never;
        /** Change some fields of a source; needs If-Match with the ETag last read */
        patch: operations["updateSource"];
        trace?: never;
    };
    "/v1/sources/{idOrSlug}/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a source's quotes in published stories, newest first by default */
        get: operations["listSourceQuotes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List quotes in published stories, filtered, newest first by default */
        get: operations["listQuotes"];
        put?: never;
        /**
         * Attribute words of a story to a source (scope write)
         * @description The text must stand verbatim in the story body: 422 when it does not, or when it occurs more than once and no location says which. A story holds at most 1,000 quotes (409 past that).
         */
        post: operations["createQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/quotes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one quote with its source */
        get: operations["getQuote"];
        put?: never;
        post?: never;
        /** Delete a quote; the story keeps its text (scope write, If-Match required) */
        delete: operations["deleteQuote"];
        options?: never;
        head?: never;
        /** Change a quote; new text is found in the story again (scope write, If-Match required) */
        patch: operations["updateQuote"];
        trace?: never;
    };
    "/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tags of published stories, by name by default */
        get: operations["listTags"];
        put?: never;
        /** Create a tag; answers 201 with the tag, its ETag and its Location */
        post: operations["createTag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one tag */
        get: operations["getTag"];
        put?: never;
        post?: never;
        /** Delete a tag no article carries; needs If-Match */
        delete: operations["deleteTag"];
        options?: never;
        head?: never;
        /** Change some fields of a tag; needs If-Match with the ETag last read */
        patch: operations["updateTag"];
        trace?: never;
    };
    "/v1/tags/{idOrSlug}/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the published articles with a tag, with the filters of /v1/articles */
        get: operations["listTagArticles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search articles, quotes and sources together, best match first
         * @description Ranks by BM25 over what the public API shows (write keys search drafts too). A search considers at most the 1,000 most recently indexed matches: when more matched, `page.total` is 1,000 and `page.totalIsExact` is false. Words in more than 5,000 items match but do not weigh in the ranking, as stop words; a hit that only such words matched scores 0, the newest first.
         */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List published corrections across all stories, newest first */
        get: operations["listCorrections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feeds/articles.rss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories as RSS 2.0 */
        get: operations["articlesFeedRss"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/authors/{idOrSlug}/feed.rss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories an author is credited on, as RSS 2.0 */
        get: operations["authorFeedRss"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags/{idOrSlug}/feed.rss": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories with a tag, as RSS 2.0 */
        get: operations["tagFeedRss"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feeds/articles.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories as Atom 1.0 */
        get: operations["articlesFeedAtom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/authors/{idOrSlug}/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories an author is credited on, as Atom 1.0 */
        get: operations["authorFeedAtom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags/{idOrSlug}/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories with a tag, as Atom 1.0 */
        get: operations["tagFeedAtom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feeds/articles.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories as JSON Feed 1.1 */
        get: operations["articlesFeedJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/authors/{idOrSlug}/feed.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories an author is credited on, as JSON Feed 1.1 */
        get: operations["authorFeedJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags/{idOrSlug}/feed.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest 50 published stories with a tag, as JSON Feed 1.1 */
        get: operations["tagFeedJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What changed on the public API since a token: the delta-sync feed
         * @description Every creation, change, withdrawal and deletion of a public article, author, source, quote or tag, in order. Start without `since` for the whole history, then pass `nextToken` back. With `wait`, an empty answer is held until an event arrives or the time is up; when the server already holds as many waiting requests as it allows (MAX_LONG_POLLS), a request that would wait is answered 503 with Retry-After instead.
         */
        get: operations["listChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List registered endpoints, oldest first (never their secrets) */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register an endpoint for events; answers 201 with its signing secret, shown this once
         * @description Each matching event is POSTed to the URL as `{"type","timestamp","data"}`, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature), and retried with backoff until a 2xx answers; redirects are not followed. The URL must not point at a loopback, private or link-local address, checked again on every connection. The secret is in the first answer only: a replay under the same Idempotency-Key answers `secret: null`.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get one endpoint (never its secret) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete an endpoint; deliveries stop, and those still queued are cancelled */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An endpoint's deliveries, newest first: status, attempts and the last error */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A public correction carried by a change. */
        CorrectionNoteInput: {
            /**
             * @description correction: a fact was wrong; clarification: it was right but unclear; update: news since; retraction: the story or a part of it is withdrawn as untrue.
             * @enum {string}
             */
            kind: "correction" | "clarification" | "update" | "retraction";
            /** @description The text printed with the story. */
            note: string;
        };
        /** @description A paragraph of the story, verbatim. */
        NewParagraphInput: {
            /** @constant */
            type: "paragraph";
            /** @description At most 10,000 characters (UTF-16 code units). */
            text: string;
        };
        /** @description A link to related coverage placed inside the story. */
        NewRelatedLinkInput: {
            /** @constant */
            type: "related-link";
            /**
             * @description At most 10,000 characters (UTF-16 code units).
             * @example Read more on Thursday's wave of attacks across Pakistan
             */
            text: string;
            /** @description Null when the published story does not give the target. */
            url: string | null;
        };
        NewBlockInput: components["schemas"]["NewParagraphInput"] | components["schemas"]["NewRelatedLinkInput"];
        NewMediaInput: {
            /** @constant */
            kind: "photo";
            /** @example AP Photo/K.M. Chaudary */
            credit: string | null;
            caption: string | null;
            url: string | null;
        };
        /** @description Where a fact the story itself does not state comes from, or why it is missing. */
        NoteInput: {
            /** @description The field the note is about, or null for the whole article. */
            field: string | null;
            text: string;
        };
        /** @description A story with its credits, sources, quotes and tags, people referred to by slug. */
        NewArticleInput: {
            slug: string;
            headline: string;
            /** @default null */
            standfirst: string | null;
            language: string;
            /** @default null */
            publishedAt: string | null;
            /** @default null */
            publisher: string | null;
            /** @default [] */
            media: components["schemas"]["NewMediaInput"][];
            /** @default [] */
            notes: components["schemas"]["NoteInput"][];
            /** @description At most 1,000 blocks of at most 10,000 characters each, and 200,000 characters of text in all. */
            body: components["schemas"]["NewBlockInput"][];
            /**
             * @description A future publishedAt with status published is an embargo.
             * @enum {string}
             */
            status: "draft" | "published";
            /** @default [] */
            authors: {
                slug: string;
                name: string;
                /** @default null */
                title: string | null;
                /** @default null */
                organization: string | null;
                /** @default null */
                location: string | null;
                /** @default null */
                bio: string | null;
                /** @enum {string} */
                role: "byline" | "reporter" | "producer" | "photographer" | "editor";
            }[];
            /** @default [] */
            sources: {
                slug: string;
                /** @default null */
                name: string | null;
                description: string;
                /** @enum {string} */
                kind: "person" | "organization" | "group";
                anonymous: boolean;
                /** @default null */
                affiliation: string | null;
            }[];
            /** @default [] */
            quotes: {
                text: string;
                /** @enum {string} */
                kind: "direct" | "partial" | "paraphrase";
                /** @description The slug of a source in this document. */
                source: string;
                /**
                 * @description The slug of an author in this document.
                 * @default null
                 */
                saidTo: string | null;
                /** @default null */
                channel: string | null;
                /** @default null */
                cue: string | null;
                /** @description Where the text stands: needed only when it occurs more than once in the body. */
                location?: {
                    block: number;
                    start?: number;
                };
            }[];
            /** @default [] */
            tags: {
                slug: string;
                name: string;
                /** @enum {string} */
                type: "subject" | "place" | "organization" | "person";
            }[];
        };
        /** @description The fields to change; those left out stay as they are. */
        ArticlePatchInput: {
            slug?: string;
            headline?: string;
            standfirst?: string | null;
            language?: string;
            /**
             * @description draft → published → withdrawn; a withdrawn story stays withdrawn, and a published one cannot go back to draft.
             * @enum {string}
             */
            status?: "draft" | "published" | "withdrawn";
            /** @description In the future: an embargo. */
            publishedAt?: string | null;
            publisher?: string | null;
            media?: components["schemas"]["NewMediaInput"][];
            notes?: components["schemas"]["NoteInput"][];
            /** @description The whole new body: at most 1,000 blocks of at most 10,000 characters each, and 200,000 characters of text in all. Quotes are re-anchored; one whose words are gone refuses the edit unless orphanQuotes=true. */
            body?: components["schemas"]["NewBlockInput"][];
            /** @description The whole new list of credits; authors by id or slug, created beforehand. */
            authors?: {
                author: string;
                /** @enum {string} */
                role: "byline" | "reporter" | "producer" | "photographer" | "editor";
            }[];
            /** @description The whole new list of tags, by id or slug. */
            tags?: string[];
            correction?: components["schemas"]["CorrectionNoteInput"];
        };
        /** @description An endpoint to deliver events to. */
        NewWebhookInput: {
            /**
             * Format: uri
             * @description Where deliveries are POSTed: http or https, no credentials, a public address.
             * @example https://partner.example/hooks/byline
             */
            url: string;
            events: ("*" | "article.created" | "article.updated" | "article.withdrawn" | "author.created" | "author.updated" | "author.deleted" | "source.created" | "source.updated" | "source.deleted" | "quote.created" | "quote.updated" | "quote.deleted" | "tag.created" | "tag.updated" | "tag.deleted")[];
            /**
             * @description Omit it and the server generates one (32 random bytes).
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret?: string;
        };
        /** @description An author to create; the server assigns id, version and timestamps. */
        NewAuthorInput: {
            /**
             * @description Unique among authors; lowercase words joined by hyphens.
             * @example tucker-reals
             */
            slug: string;
            /** @example Tucker Reals */
            name: string;
            /**
             * @default null
             * @example foreign editor
             */
            title: string | null;
            /**
             * @default null
             * @example CBS News
             */
            organization: string | null;
            /**
             * @default null
             * @example London
             */
            location: string | null;
            /** @default null */
            bio: string | null;
        };
        /** @description The fields to change; a field left out keeps its value, null clears it. */
        AuthorPatchInput: {
            /**
             * @description Unique among authors; lowercase words joined by hyphens.
             * @example tucker-reals
             */
            slug?: string;
            /** @example Tucker Reals */
            name?: string;
            /** @example foreign editor */
            title?: string | null;
            /** @example CBS News */
            organization?: string | null;
            /** @example London */
            location?: string | null;
            bio?: string | null;
        };
        /** @description A quote: its words are found in the story body, which must hold them verbatim. */
        NewQuoteInput: {
            /** @description The story, by id or slug. */
            article: string;
            /** @description The words exactly as the story has them, without quotation marks. */
            text: string;
            /** @enum {string} */
            kind: "direct" | "partial" | "paraphrase";
            /** @description The source, by id or slug. */
            source: string;
            /**
             * @description The journalist it was said to, an author by id or slug.
             * @default null
             */
            saidTo: string | null;
            /** @default null */
            channel: string | null;
            /** @default null */
            cue: string | null;
            /** @description Where the text stands: needed only when it occurs more than once in the body. */
            location?: {
                block: number;
                start?: number;
            };
            /** @description A public correction this change makes, printed with the story. */
            correction?: components["schemas"]["CorrectionNoteInput"];
        };
        /** @description The fields to change; new text or a location anchors the quote again. */
        QuotePatchInput: {
            /** @description The words exactly as the story has them, without quotation marks. */
            text?: string;
            /** @enum {string} */
            kind?: "direct" | "partial" | "paraphrase";
            /** @description The source, by id or slug. */
            source?: string;
            /** @description The journalist it was said to, an author by id or slug. */
            saidTo?: string | null;
            channel?: string | null;
            cue?: string | null;
            /** @description Where the text stands: needed only when it occurs more than once in the body. */
            location?: {
                block: number;
                start?: number;
            };
            /** @description A public correction this change makes, printed with the story. */
            correction?: components["schemas"]["CorrectionNoteInput"];
        };
        /** @description A source to create; the server assigns id, version and timestamps. An anonymous source has no name. */
        NewSourceInput: {
            /**
             * @description Unique among sources; lowercase words joined by hyphens.
             * @example senior-western-diplomat
             */
            slug: string;
            /**
             * @description Null exactly when the source is anonymous.
             * @default null
             * @example null
             */
            name: string | null;
            /**
             * @description The source as the story describes them.
             * @example a senior Western diplomat
             */
            description: string;
            /** @enum {string} */
            kind: "person" | "organization" | "group";
            /** @description True exactly when name is null. */
            anonymous: boolean;
            /**
             * @default null
             * @example Pakistani intelligence
             */
            affiliation: string | null;
        };
        /** @description The fields to change; a field left out keeps its value, null clears it. */
        SourcePatchInput: {
            /**
             * @description Unique among sources; lowercase words joined by hyphens.
             * @example senior-western-diplomat
             */
            slug?: string;
            /**
             * @description Null exactly when the source is anonymous.
             * @example null
             */
            name?: string | null;
            /**
             * @description The source as the story describes them.
             * @example a senior Western diplomat
             */
            description?: string;
            /** @enum {string} */
            kind?: "person" | "organization" | "group";
            /** @description True exactly when name is null. */
            anonymous?: boolean;
            /** @example Pakistani intelligence */
            affiliation?: string | null;
        };
        /** @description A tag to create; the server assigns id, version and timestamps. */
        NewTagInput: {
            /**
             * @description Unique among tags; lowercase words joined by hyphens.
             * @example lahore
             */
            slug: string;
            /** @example Lahore */
            name: string;
            /** @enum {string} */
            type: "subject" | "place" | "organization" | "person";
        };
        /** @description The fields to change; a field left out keeps its value. */
        TagPatchInput: {
            /**
             * @description Unique among tags; lowercase words joined by hyphens.
             * @example lahore
             */
            slug?: string;
            /** @example Lahore */
            name?: string;
            /** @enum {string} */
            type?: "subject" | "place" | "organization" | "person";
        };
        FieldError: {
            /** @enum {string} */
            in: "query" | "path" | "header" | "body";
            /** @description The parameter, for query, path and header errors. */
            parameter?: string;
            /** @description A JSON Pointer into the body, for body errors. */
            pointer?: string;
            detail: string;
        };
        /**
         * @description An RFC 9457 problem, served as application/problem+json.
         * @example {
         *       "type": "about:blank",
         *       "title": "Bad Request",
         *       "status": 400,
         *       "detail": "Invalid query parameter: limit: Too big: expected number to be <=100",
         *       "instance": "/v1/articles?limit=1000",
         *       "errors": [
         *         {
         *           "in": "query",
         *           "parameter": "limit",
         *           "detail": "Too big: expected number to be <=100"
         *         }
         *       ]
         *     }
         * @example {
         *       "type": "about:blank",
         *       "title": "Not Found",
         *       "status": 404,
         *       "detail": "No article with id or slug \"no-such-story\".",
         *       "instance": "/v1/articles/no-such-story"
         *     }
         */
        Problem: {
            /** @description A URI naming the problem type; `about:blank` when the status says it all. */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description The request target that failed. */
            instance: string;
            /** @description Each bad parameter or field. */
            errors?: components["schemas"]["FieldError"][];
            /** @description With 409: each piece of data that stands in the way (a reference, a quote an edit would orphan). */
            conflicts?: {
                resource: string;
                id: string;
                detail: string;
            }[];
        };
        PageInfo: {
            /** @example 20 */
            limit: number;
            /**
             * @description Pass as `cursor` for the next page; null on the last page.
             * @example null
             */
            nextCursor: string | null;
            /**
             * @description How many items the whole list holds, counted up to 10,000: a longer list says 10,000 and `totalIsExact: false`.
             * @example 1
             */
            total: number;
            /** @description Present with a full-text `q`, or when the list holds more than 10,000 items. False when `total` counts no further than 10,000, or when more items matched `q` than a search considers (the 1,000 most recently indexed; `total` then counts within those). */
            totalIsExact?: boolean;
        };
        /** @description Load as the shedding sees it; present when shedding is configured. */
        Pressure: {
            underPressure: boolean;
            /** @description Mean delay over the last sample; null when the loop was blocked for the whole sample (no measurement). */
            eventLoopDelayMs: number | null;
            eventLoopUtilization: number;
            heapUsedBytes: number;
            rssBytes: number;
        };
        ChangeEvent: {
            /** @description Position in the feed; strictly increasing. */
            seq: number;
            /**
             * @description created: now public; updated: changed; withdrawn (articles) or deleted (the rest): gone, remove it.
             * @enum {string}
             */
            type: "created" | "updated" | "withdrawn" | "deleted";
            /** @enum {string} */
            resource: "article" | "author" | "source" | "quote" | "tag";
            id: string;
            version: number;
            /** @description When the change became public (an embargoed story: its publication instant). */
            at: string;
            /** @description The Surrogate-Key values a CDN should purge: the resource id, its collection (every list of it: a change may move it into a list that never showed it), and `embeds`, the key of pages too big to name every resource they show (a long list with its includes). */
            surrogateKeys: string[];
            /** @description Pass as `since` to resume the changes feed after this event: a partner that records it with each event it has applied (or with each webhook it has received) loses nothing and applies nothing twice. */
            token: string;
        };
        /** @description A published correction, clarification, update or retraction. */
        Correction: {
            /** @example cor_01a2b3c4d5e6f7g8h9j0kmnpqr */
            id: string;
            articleId: string;
            /** @enum {string} */
            kind: "correction" | "clarification" | "update" | "retraction";
            note: string;
            /** @description The revision of the article that made the correction. */
            revision: number;
            /** @description The body blocks the change touched, as indexes into that revision. */
            blocks: number[];
            /** @description The ids of the quotes the change touched. */
            quotes: string[];
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /** @description The corrected story; present in the list across all articles. */
            article?: {
                id: string;
                slug: string;
                headline: string;
            };
        };
        /**
         * @description What the person did for the story.
         * @enum {string}
         */
        AuthorRole: "byline" | "reporter" | "producer" | "photographer" | "editor";
        /** @description A person who wrote, reported or made media for stories. */
        Author: {
            /** @example aut_01a2b3c4d5e6f7g8h9j0kmnpqr */
            id: string;
            /** @example tucker-reals */
            slug: string;
            /** @example Tucker Reals */
            name: string;
            /** @example foreign editor */
            title: string | null;
            /** @example CBS News */
            organization: string | null;
            /** @example London */
            location: string | null;
            bio: string | null;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            updatedAt: string;
            version: number;
        };
        /** @description An author credited on an article, with their role and order. */
        Credit: {
            /** @example aut_01a2b3c4d5e6f7g8h9j0kmnpqr */
            id: string;
            /** @example tucker-reals */
            slug: string;
            /** @example Tucker Reals */
            name: string;
            /** @example foreign editor */
            title: string | null;
            /** @example CBS News */
            organization: string | null;
            /** @example London */
            location: string | null;
            bio: string | null;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            updatedAt: string;
            version: number;
            role: components["schemas"]["AuthorRole"];
            /** @description Order of the credit on the article, from 0. */
            position: number;
        };
        /** @description An author named by reference. */
        AuthorRef: {
            id: string;
            slug: string;
            name: string;
        };
        /** @description A person, organization or group a story attributes information to, named or anonymous. */
        Source: {
            /** @example src_01a2b3c4d5e6f7g8h9j0kmnpqr */
            id: string;
            /** @example senior-western-diplomat */
            slug: string;
            /**
             * @description Null when the source is anonymous.
             * @example null
             */
            name: string | null;
            /**
             * @description The source as the story describes them.
             * @example a senior Western diplomat
             */
            description: string;
            /** @enum {string} */
            kind: "person" | "organization" | "group";
            anonymous: boolean;
            /** @example Pakistani intelligence */
            affiliation: string | null;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            updatedAt: string;
            version: number;
        };
        /** @description Where the quote stands: `body[block].text.slice(start, end) === text`. Offsets count UTF-16 code units, as JavaScript's String.prototype.slice does. */
        QuoteLocation: {
            /** @description Index into the article's `body`. */
            block: number;
            start: number;
            end: number;
        };
        /** @description A verbatim slice of a story's text, attributed to a source. */
        Quote: {
            /** @example quo_01a2b3c4d5e6f7g8h9j0kmnpqr */
            id: string;
            articleId: string;
            /**
             * @description The words exactly as the story has them, without quotation marks.
             * @example This is rubbish
             */
            text: string;
            /**
             * @description direct: a full quotation; partial: a quoted fragment inside the writer's sentence; paraphrase: reported speech.
             * @enum {string}
             */
            kind: "direct" | "partial" | "paraphrase";
            /** @description Null when an edit of the story removed these words (`anchor: orphaned`): a quote never points at other text. */
            location: components["schemas"]["QuoteLocation"] | null;
            /**
             * @description exact: where it was written; moved: an edit of the body moved these words and they were found again; orphaned: an edit removed them.
             * @enum {string}
             */
            anchor: "exact" | "moved" | "orphaned";
            source: components["schemas"]["Source"];
            /** @description The journalist it was said to, where the story says so. */
            saidTo: components["schemas"]["AuthorRef"] | null;
            /** @example in a phone call */
            channel: string | null;
            /**
             * @description The attribution verb as the text has it.
             * @example told
             */
            cue: string | null;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            updatedAt: string;
            version: number;
            /** @description The story the quote stands in; present with `include=article`. */
            article?: {
                id: string;
                slug: string;
                headline: string;
                publishedAt: string | null;
            };
        };
        /** @description A subject, place, organization or person stories are about. */
        Tag: {
            /** @example tag_01kaxpqqm1a2b3c4d5e6f7g8h9 */
            id: string;
            /** @example lahore */
            slug: string;
            /** @example Lahore */
            name: string;
            /** @enum {string} */
            type: "subject" | "place" | "organization" | "person";
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            updatedAt: string;
            version: number;
        };
        /** @description A paragraph of the story, verbatim. */
        Paragraph: {
            /** @constant */
            type: "paragraph";
            text: string;
        };
        /** @description A link to related coverage placed inside the story. */
        RelatedLink: {
            /** @constant */
            type: "related-link";
            /** @example Read more on Thursday's wave of attacks across Pakistan */
            text: string;
            /** @description Null when the published story does not give the target. */
            url: string | null;
        };
        Block: components["schemas"]["Paragraph"] | components["schemas"]["RelatedLink"];
        Media: {
            /** @constant */
            kind: "photo";
            /** @example AP Photo/K.M. Chaudary */
            credit: string | null;
            caption: string | null;
            url: string | null;
        };
        /** @description Where a fact the story itself does not state comes from, or why it is missing. */
        Note: {
            /** @description The field the note is about, or null for the whole article. */
            field: string | null;
            text: string;
        };
        /** @description How the story is sourced, counted from its quotes and their sources. */
        Sourcing: {
            sources: {
                total: number;
                named: number;
                anonymous: number;
            };
            quotes: {
                total: number;
                direct: number;
                partial: number;
                paraphrase: number;
                fromAnonymousSources: number;
            };
        };
        /** @description An article without its body and quotes unless included, for lists. With `fields`, only the named fields and `id`. */
        ArticleSummary: {
            /** @example art_01a2b3c4d5e6f7g8h9j0kmnpqr */
            id: string;
            /** @example islamic-militant-threat-grows-in-pakistani-heartland */
            slug: string;
            headline: string;
            standfirst: string | null;
            /**
             * @description BCP 47 language tag.
             * @example en
             */
            language: string;
            /** @enum {string} */
            status: "draft" | "published" | "withdrawn";
            /** @description Null when the publication time is not known. */
            publishedAt: string | null;
            /** @example CBS News */
            publisher: string | null;
            wordCount: number;
            media: components["schemas"]["Media"][];
            authors: components["schemas"]["Credit"][];
            tags: components["schemas"]["Tag"][];
            sourcing: components["schemas"]["Sourcing"];
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            updatedAt: string;
            version: number;
            /** @description Present with `include=body`. */
            body?: components["schemas"]["Block"][];
            /** @description Present with `include=quotes` (each quote carries its source). */
            quotes?: components["schemas"]["Quote"][];
        };
        /** @description A whole story: everything a page needs in one request. */
        Article: {
            /** @example art_01a2b3c4d5e6f7g8h9j0kmnpqr */
            id: string;
            /** @example islamic-militant-threat-grows-in-pakistani-heartland */
            slug: string;
            headline: string;
            standfirst: string | null;
            /**
             * @description BCP 47 language tag.
             * @example en
             */
            language: string;
            /** @enum {string} */
            status: "draft" | "published" | "withdrawn";
            /** @description Null when the publication time is not known. */
            publishedAt: string | null;
            /** @example CBS News */
            publisher: string | null;
            wordCount: number;
            media: components["schemas"]["Media"][];
            authors: components["schemas"]["Credit"][];
            tags: components["schemas"]["Tag"][];
            sourcing: components["schemas"]["Sourcing"];
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            updatedAt: string;
            version: number;
            body: components["schemas"]["Block"][];
            /** @description Every quote in reading order, each with its source. */
            quotes: components["schemas"]["Quote"][];
            notes: components["schemas"]["Note"][];
            /** @description Published corrections, newest first, as printed with the story. */
            corrections: components["schemas"]["Correction"][];
        };
        RevisionSummary: {
            number: number;
            createdAt: string;
            /** @description The API key that made the change; null for the seed and the command line. */
            by: {
                keyId: string;
                name: string;
            } | null;
            correction: {
                id: string;
                kind: string;
                note: string;
            } | null;
        };
        Revision: {
            number: number;
            createdAt: string;
            /** @description The API key that made the change; null for the seed and the command line. */
            by: {
                keyId: string;
                name: string;
            } | null;
            /** @description The article as it was: the import document shape, each quote with its id, location and anchor. */
            document: {
                [key: string]: unknown;
            };
        };
        /** @description What changed between two revisions; blocks are aligned, changed ones word by word. The work is bounded: past the bounds, blocks are paired in order (`aligned: false`) or shown whole (`coarse`). */
        RevisionDiff: {
            from: number;
            to: number;
            fields: {
                field: string;
                from: unknown;
                to: unknown;
            }[];
            /** @description False when the bodies differ in more than 400 blocks, too many to align: the blocks between the first and the last that differ are then paired in order, the first with the first. */
            aligned: boolean;
            blocks: {
                /** @enum {string} */
                change: "added" | "removed" | "changed";
                from?: number;
                to?: number;
                text?: string;
                /**
                 * @description Present on a changed block whose words were not compared one by one: more than 200 words, spaces and punctuation marks were added or removed, a block is longer than 10,000 characters (stored before blocks were capped), or the diff spent its time for comparing words. `words` then holds the whole old text, removed, and the whole new text, added.
                 * @constant
                 */
                coarse?: true;
                /** @description For a changed block: its text as runs that were kept, removed or added. */
                words?: {
                    text: string;
                    added?: boolean;
                    removed?: boolean;
                }[];
            }[];
            quotes: {
                id: string;
                /** @enum {string} */
                change: "added" | "removed" | "changed";
                from?: unknown;
                to?: unknown;
            }[];
            authors: {
                from: unknown;
                to: unknown;
            } | null;
            tags: {
                from: unknown;
                to: unknown;
            } | null;
        };
        JsonFeedAuthor: {
            name: string;
        };
        JsonFeedItem: {
            /** @description The story's API URL, by id: stable when the slug changes. */
            id: string;
            url: string;
            /** @description The headline. */
            title: string;
            /** @description The standfirst, when the story has one. */
            summary?: string;
            /** @description The body as HTML, one <p> per paragraph; story text is escaped. */
            content_html: string;
            /**
             * Format: date-time
             * @description Absent when the publication time is not known.
             * @example 2026-11-25T14:46:43.000Z
             */
            date_published?: string;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            date_modified: string;
            /** @description The byline and reporters; absent for an uncredited story. */
            authors?: components["schemas"]["JsonFeedAuthor"][];
            tags: string[];
            language: string;
        };
        /** @description A JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/), newest stories first. */
        JsonFeed: {
            /** @constant */
            version: "https://jsonfeed.org/version/1.1";
            title: string;
            /** @description The same stories as an API list. */
            home_page_url: string;
            /** @description The URL this feed was fetched from. */
            feed_url: string;
            description: string;
            authors: components["schemas"]["JsonFeedAuthor"][];
            items: components["schemas"]["JsonFeedItem"][];
        };
        /** @description A registered endpoint; its secret is shown only when it is created. */
        Webhook: {
            /** @example whk_01jd6m7x4q9s2t8v3w5y7z1a2b */
            id: string;
            /** @description As given, normalized. */
            url: string;
            events: string[];
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
        };
        /** @description The endpoint as created, with its signing secret (only in the first answer). */
        CreatedWebhook: {
            /** @example whk_01jd6m7x4q9s2t8v3w5y7z1a2b */
            id: string;
            /** @description As given, normalized. */
            url: string;
            events: string[];
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            /** @description Verifies the webhook-signature of every delivery (Standard Webhooks). Shown only in the first answer: keep it, it cannot be read again. A replay of the registration under its Idempotency-Key answers null. */
            secret: string | null;
        };
        /** @description One event sent, or being sent, to one endpoint. */
        WebhookDelivery: {
            /**
             * @description The webhook-id header of every attempt.
             * @example msg_01jd6m7x4q9s2t8v3w5y7z1a2b
             */
            id: string;
            /** @description The event, by its seq in the changes feed. */
            eventSeq: number;
            /** @example article.created */
            event: string | null;
            /**
             * @description pending: an attempt is due at nextAttemptAt; delivered: a 2xx answered; failed: given up (or the webhook was deleted).
             * @enum {string}
             */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            /** @description The HTTP status of the last attempt; null when none came back. */
            lastStatus: number | null;
            /** @description Why the last attempt failed; null after a success. */
            lastError: string | null;
            /** @description When a pending delivery is tried next; null otherwise. */
            nextAttemptAt: string | null;
            /**
             * Format: date-time
             * @description An instant in UTC, ISO 8601 with milliseconds.
             * @example 2026-11-25T14:46:43.000Z
             */
            createdAt: string;
            deliveredAt: string | null;
        };
        /** @description Events after `since`, oldest first. */
        Changes: {
            data: components["schemas"]["ChangeEvent"][];
            /** @description Pass as `since` next time, whether or not this answer held events. */
            nextToken: string;
            /** @description More events are waiting: ask again at once. */
            hasMore: boolean;
        };
        SearchHit: {
            /** @enum {string} */
            type: "article" | "quote" | "source";
            id: string;
            /** @description The slug of an article or source; null for quotes. */
            slug: string | null;
            /** @description An article's headline, a quote's text, a source's name or description. */
            title: string;
            /** @description For a quote, the story it stands in. */
            articleId: string | null;
            /**
             * @description The best-matching passage, HTML-escaped, with matched words in <mark>…</mark>.
             * @example The Punjab is Pakistan's <mark>nerve</mark> <mark>centre</mark>. This…
             */
            snippet: string;
            /** @description Relevance (BM25); higher is better. Comparable within one search. */
            score: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status: string;
                        pressure?: components["schemas"]["Pressure"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status: string;
                        pressure?: components["schemas"]["Pressure"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getElements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The module */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticles: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "-publishedAt" | "publishedAt" | "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt";
                /** @description Comma-separated; one or more of: authors, tags, body, quotes, quotes.source, quotes.saidTo. */
                include?: string;
                /** @description Comma-separated; one or more of: id, slug, headline, standfirst, language, status, publishedAt, publisher, wordCount, media, authors, tags, sourcing, createdAt, updatedAt, version, body, quotes. */
                fields?: string;
                /** @description Credited author, by id or slug. Repeat the parameter to require all of them. */
                author?: string | string[];
                /** @description Source quoted in the story, by id or slug. Repeat the parameter to require all of them. */
                source?: string | string[];
                /** @description Tag, by id or slug. Repeat the parameter to require all of them. */
                tag?: string | string[];
                /** @description Published at or after this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                publishedAfter?: string;
                /** @description Published before this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                publishedBefore?: string;
                /** @description Changed at or after this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                updatedSince?: string;
                /** @description true: stories quoting at least one anonymous source; false: stories quoting none. */
                anonymousSources?: "true" | "false";
                /** @description Full-text search: words (all must match), "exact phrases", prefix*, and AND / OR / NOT in upper case. At most 12 terms, of which 4 prefixes, each with at least 3 letters or digits before the *; column filters, NEAR, parentheses and ^ are not supported. Anything else is a 400 naming q. A list filtered by q considers the 1,000 most recently indexed matches (`page.totalIsExact` is false when more matched). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of article summaries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ArticleSummary"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createArticle: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retried POST safe: for a day, the same key (from the same API key) with the same body gets the first answer again and writes nothing.
                 * @example 5f2c8a9e-0d3b-4c52-9a3e-8c1f0a6b7d21
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewArticleInput"];
            };
        };
        responses: {
            /** @description The new article */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Article"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticle: {
        parameters: {
            query?: {
                /**
                 * @description The representation: json, ninjs, jsonld. Overrides Accept; any other value is a 406.
                 * @example ninjs
                 */
                format?: string;
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Article"];
                    };
                    "application/ninjs+json": {
                        [key: string]: unknown;
                    };
                    "application/ld+json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Acceptable: neither `format` nor Accept names a representation offered; the problem lists them */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: the article was withdrawn after it was public */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawArticle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: the article was withdrawn after it was public */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateArticle: {
        parameters: {
            query?: {
                /** @description true: accept a body edit that leaves quotes without their words; they are flagged orphaned. */
                orphanQuotes?: "true" | "false";
            };
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArticlePatchInput"];
            };
        };
        responses: {
            /** @description The article as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Article"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleRevisions: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of revisions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["RevisionSummary"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticleRevision: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
                /** @description The revision number: the article version it recorded. */
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Revision"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    diffArticleRevisions: {
        parameters: {
            query?: {
                /** @description The earlier revision; the one before by default. */
                from?: number;
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
                /** @description The revision number: the article version it recorded. */
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The differences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["RevisionDiff"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleAuthors: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Comma-separated; one or more of: id, slug, name, title, organization, location, bio, createdAt, updatedAt, version, role, position. */
                fields?: string;
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of credits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Credit"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: the article was withdrawn after it was public */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleSources: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "slug" | "-slug" | "updatedAt" | "-updatedAt";
                /** @description Comma-separated; one or more of: id, slug, name, description, kind, anonymous, affiliation, createdAt, updatedAt, version. */
                fields?: string;
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sources */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Source"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: the article was withdrawn after it was public */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleQuotes: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "-createdAt" | "createdAt" | "position";
                /** @description Comma-separated; one or more of: article, source, saidTo. */
                include?: string;
                /** @description Comma-separated; one or more of: id, articleId, text, kind, location, anchor, source, saidTo, channel, cue, createdAt, updatedAt, version, article. */
                fields?: string;
                kind?: "direct" | "partial" | "paraphrase";
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of quotes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quote"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: the article was withdrawn after it was public */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticleCorrections: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The corrections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Correction"][];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: the article was withdrawn after it was public */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuthors: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "name" | "-name" | "slug" | "-slug";
                /** @description Comma-separated; one or more of: (none). */
                include?: string;
                /** @description Comma-separated; one or more of: id, slug, name, title, organization, location, bio, createdAt, updatedAt, version. */
                fields?: string;
                /** @description Exact organization, e.g. CBS News. */
                organization?: string;
                /** @description Credited in this role on a published story. */
                role?: "byline" | "reporter" | "producer" | "photographer" | "editor";
                /** @description Part of the name, any case. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of authors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Author"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAuthor: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retried POST safe: for a day, the same key (from the same API key) with the same body gets the first answer again and writes nothing.
                 * @example 5f2c8a9e-0d3b-4c52-9a3e-8c1f0a6b7d21
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewAuthorInput"];
            };
        };
        responses: {
            /** @description The author as created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Author"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The author, with its ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Author"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAuthor: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAuthor: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorPatchInput"];
            };
        };
        responses: {
            /** @description The author as changed, with its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Author"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuthorArticles: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "-publishedAt" | "publishedAt" | "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt";
                /** @description Comma-separated; one or more of: authors, tags, body, quotes, quotes.source, quotes.saidTo. */
                include?: string;
                /** @description Comma-separated; one or more of: id, slug, headline, standfirst, language, status, publishedAt, publisher, wordCount, media, authors, tags, sourcing, createdAt, updatedAt, version, body, quotes. */
                fields?: string;
                /** @description Credited author, by id or slug. Repeat the parameter to require all of them. */
                author?: string | string[];
                /** @description Source quoted in the story, by id or slug. Repeat the parameter to require all of them. */
                source?: string | string[];
                /** @description Tag, by id or slug. Repeat the parameter to require all of them. */
                tag?: string | string[];
                /** @description Published at or after this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                publishedAfter?: string;
                /** @description Published before this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                publishedBefore?: string;
                /** @description Changed at or after this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                updatedSince?: string;
                /** @description true: stories quoting at least one anonymous source; false: stories quoting none. */
                anonymousSources?: "true" | "false";
                /** @description Full-text search: words (all must match), "exact phrases", prefix*, and AND / OR / NOT in upper case. At most 12 terms, of which 4 prefixes, each with at least 3 letters or digits before the *; column filters, NEAR, parentheses and ^ are not supported. Anything else is a 400 naming q. A list filtered by q considers the 1,000 most recently indexed matches (`page.totalIsExact` is false when more matched). */
                q?: string;
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of article summaries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ArticleSummary"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSources: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "slug" | "-slug" | "updatedAt" | "-updatedAt";
                /** @description Comma-separated; one or more of: (none). */
                include?: string;
                /** @description Comma-separated; one or more of: id, slug, name, description, kind, anonymous, affiliation, createdAt, updatedAt, version. */
                fields?: string;
                kind?: "person" | "organization" | "group";
                /** @description true: unnamed sources only; false: named ones only. */
                anonymous?: "true" | "false";
                /** @description Exact affiliation, e.g. Pakistani intelligence. */
                affiliation?: string;
                /** @description Full-text search: words (all must match), "exact phrases", prefix*, and AND / OR / NOT in upper case. At most 12 terms, of which 4 prefixes, each with at least 3 letters or digits before the *; column filters, NEAR, parentheses and ^ are not supported. Anything else is a 400 naming q. A list filtered by q considers the 1,000 most recently indexed matches (`page.totalIsExact` is false when more matched). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of sources */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Source"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSource: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retried POST safe: for a day, the same key (from the same API key) with the same body gets the first answer again and writes nothing.
                 * @example 5f2c8a9e-0d3b-4c52-9a3e-8c1f0a6b7d21
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewSourceInput"];
            };
        };
        responses: {
            /** @description The source as created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Source"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSource: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The source, with its ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Source"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSource: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSource: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SourcePatchInput"];
            };
        };
        responses: {
            /** @description The source as changed, with its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Source"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSourceQuotes: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "-createdAt" | "createdAt" | "position";
                /** @description Comma-separated; one or more of: article, source, saidTo. */
                include?: string;
                /** @description Comma-separated; one or more of: id, articleId, text, kind, location, anchor, source, saidTo, channel, cue, createdAt, updatedAt, version, article. */
                fields?: string;
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of quotes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quote"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listQuotes: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "-createdAt" | "createdAt" | "position";
                /** @description Comma-separated; one or more of: article, source, saidTo. */
                include?: string;
                /** @description Comma-separated; one or more of: id, articleId, text, kind, location, anchor, source, saidTo, channel, cue, createdAt, updatedAt, version, article. */
                fields?: string;
                /** @description The story, by id or slug. */
                article?: string;
                /** @description The source, by id or slug. */
                source?: string;
                /** @description The journalist it was said to, by id or slug. */
                saidTo?: string;
                kind?: "direct" | "partial" | "paraphrase";
                /** @description true: quotes from unnamed sources; false: from named ones. */
                anonymous?: "true" | "false";
                /** @description Full-text search: words (all must match), "exact phrases", prefix*, and AND / OR / NOT in upper case. At most 12 terms, of which 4 prefixes, each with at least 3 letters or digits before the *; column filters, NEAR, parentheses and ^ are not supported. Anything else is a 400 naming q. A list filtered by q considers the 1,000 most recently indexed matches (`page.totalIsExact` is false when more matched). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of quotes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quote"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createQuote: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retried POST safe: for a day, the same key (from the same API key) with the same body gets the first answer again and writes nothing.
                 * @example 5f2c8a9e-0d3b-4c52-9a3e-8c1f0a6b7d21
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewQuoteInput"];
            };
        };
        responses: {
            /** @description The new quote */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quote"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getQuote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quote */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quote"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteQuote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateQuote: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuotePatchInput"];
            };
        };
        responses: {
            /** @description The quote as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Quote"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTags: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "name" | "-name" | "slug" | "-slug";
                /** @description Comma-separated; one or more of: (none). */
                include?: string;
                /** @description Comma-separated; one or more of: id, slug, name, type, createdAt, updatedAt, version. */
                fields?: string;
                type?: "subject" | "place" | "organization" | "person";
                /** @description Part of the name, any case. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tags */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Tag"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTag: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retried POST safe: for a day, the same key (from the same API key) with the same body gets the first answer again and writes nothing.
                 * @example 5f2c8a9e-0d3b-4c52-9a3e-8c1f0a6b7d21
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewTagInput"];
            };
        };
        responses: {
            /** @description The tag as created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Tag"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tag, with its ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Tag"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required: the ETag of the representation this change was made against, as read (that of any content coding), or `*`. A weak ETag never matches. */
                "if-match"?: string;
            };
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagPatchInput"];
            };
        };
        responses: {
            /** @description The tag as changed, with its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Tag"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: other data stands in the way; `conflicts` names it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the resource changed since the ETag in If-Match */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Required: send If-Match with the ETag you last read */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTagArticles: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Order of the list; `-` means descending. The id breaks ties, so the order is total. */
                sort?: "-publishedAt" | "publishedAt" | "-updatedAt" | "updatedAt" | "-createdAt" | "createdAt";
                /** @description Comma-separated; one or more of: authors, tags, body, quotes, quotes.source, quotes.saidTo. */
                include?: string;
                /** @description Comma-separated; one or more of: id, slug, headline, standfirst, language, status, publishedAt, publisher, wordCount, media, authors, tags, sourcing, createdAt, updatedAt, version, body, quotes. */
                fields?: string;
                /** @description Credited author, by id or slug. Repeat the parameter to require all of them. */
                author?: string | string[];
                /** @description Source quoted in the story, by id or slug. Repeat the parameter to require all of them. */
                source?: string | string[];
                /** @description Tag, by id or slug. Repeat the parameter to require all of them. */
                tag?: string | string[];
                /** @description Published at or after this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                publishedAfter?: string;
                /** @description Published before this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                publishedBefore?: string;
                /** @description Changed at or after this time. ISO 8601: a date (2009-10-15) or an instant (2009-10-15T12:00:00Z). */
                updatedSince?: string;
                /** @description true: stories quoting at least one anonymous source; false: stories quoting none. */
                anonymousSources?: "true" | "false";
                /** @description Full-text search: words (all must match), "exact phrases", prefix*, and AND / OR / NOT in upper case. At most 12 terms, of which 4 prefixes, each with at least 3 letters or digits before the *; column filters, NEAR, parentheses and ^ are not supported. Anything else is a 400 naming q. A list filtered by q considers the 1,000 most recently indexed matches (`page.totalIsExact` is false when more matched). */
                q?: string;
            };
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of article summaries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ArticleSummary"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    search: {
        parameters: {
            query: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
                /** @description Full-text search: words (all must match), "exact phrases", prefix*, and AND / OR / NOT in upper case. At most 12 terms, of which 4 prefixes, each with at least 3 letters or digits before the *; column filters, NEAR, parentheses and ^ are not supported. Anything else is a 400 naming q. A list filtered by q considers the 1,000 most recently indexed matches (`page.totalIsExact` is false when more matched). */
                q: string;
                /** @description What to search; all three by default. */
                type?: string;
                /** @description Comma-separated; one or more of: type, id, slug, title, articleId, snippet, score. */
                fields?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of hits, best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["SearchHit"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCorrections: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of corrections */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Correction"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    articlesFeedRss: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RSS 2.0: the newest stories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/rss+xml": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authorFeedRss: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RSS 2.0: the author's newest stories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/rss+xml": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    tagFeedRss: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RSS 2.0: the newest stories with the tag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/rss+xml": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    articlesFeedAtom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Atom 1.0: the newest stories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authorFeedAtom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Atom 1.0: the author's newest stories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    tagFeedAtom: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Atom 1.0: the newest stories with the tag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    articlesFeedJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Feed 1.1: the newest stories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/feed+json": components["schemas"]["JsonFeed"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    authorFeedJson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Feed 1.1: the author's newest stories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/feed+json": components["schemas"]["JsonFeed"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    tagFeedJson: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description An id (stable, opaque) or a slug (readable, unique).
                 * @example tucker-reals
                 */
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Feed 1.1: the newest stories with the tag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/feed+json": components["schemas"]["JsonFeed"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChanges: {
        parameters: {
            query?: {
                /** @description The `nextToken` of the previous answer; omit it to start from the beginning. */
                since?: string;
                /** @description Events per answer, 1 to 1000. */
                limit?: number;
                /** @description Seconds to hold the request open when there is nothing new (long polling), 0 to 30. */
                wait?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Changes"];
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: too many requests are already waiting (or shedding load, shutting down); retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of webhooks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retried POST safe: for a day, the same key (from the same API key) with the same body gets the first answer again and writes nothing.
                 * @example 5f2c8a9e-0d3b-4c52-9a3e-8c1f0a6b7d21
                 */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWebhookInput"];
            };
        };
        responses: {
            /** @description The endpoint as registered, with its secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["CreatedWebhook"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: the body is well-formed but names something that does not exist, or text the story lacks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example whk_01jd6m7x4q9s2t8v3w5y7z1a2b */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The webhook */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @example whk_01jd6m7x4q9s2t8v3w5y7z1a2b */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported Media Type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /**
                 * @description Items per page, 1 to 100.
                 * @example 20
                 */
                limit?: number;
                /** @description The previous page's `nextCursor`; omit it for the first page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @example whk_01jd6m7x4q9s2t8v3w5y7z1a2b */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        page: components["schemas"]["PageInfo"];
                    };
                };
            };
            /** @description Bad Request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: the API key is missing where needed, or not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the API key lacks the scope */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description URI Too Long: a path parameter is over 200 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too Many Requests: retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request Header Fields Too Large: the headers are over 16 KiB */
            431: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service Unavailable: shedding load, shutting down, or the database cannot take writes; retry after Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
