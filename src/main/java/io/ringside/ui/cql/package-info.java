/**
 * The CQL page: an editor, results paged by the driver's paging state, trace timeline, history
 * and snippets, over {@code io.ringside.core.cql.CqlWorkbench} of the active profile.
 */
package io.ringside.ui.cql;
