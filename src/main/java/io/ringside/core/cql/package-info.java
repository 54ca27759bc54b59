/**
 * The CQL workbench's core, shared by the console's CQL page and {@code ringside cql}: one lexer
 * for splitting, classifying, completing and colouring; the classifier that decides what needs a
 * writable profile, a typed confirmation and an audit event; the service that runs statements on
 * the profile's one session a page at a time; completion from the driver's schema metadata;
 * history and snippets in the data folder.
 */
package io.ringside.core.cql;
