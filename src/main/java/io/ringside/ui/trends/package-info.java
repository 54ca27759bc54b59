/**
 * The Trends page: PM2.5 daily series per location through the cache-aside, with min/max bands,
 * rolling means, AQI category bands, summary statistics and PNG/CSV export.
 */
package io.ringside.ui.trends;
