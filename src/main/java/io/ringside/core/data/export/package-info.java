/**
 * Table and query export to CSV or JSON lines: token ranges read in parallel with the driver's
 * paging, each range written to a part file of its own and recorded once complete, so a job taken
 * over after a killed worker keeps what was finished and redoes only the rest; the file appears
 * under its name only when every range is in it.
 */
package io.ringside.core.data.export;
